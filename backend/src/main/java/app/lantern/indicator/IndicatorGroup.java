package app.lantern.indicator;

/** The six groups of the Decision 766 scorecard. */
public enum IndicatorGroup {
    PUBLICITY("Công khai, minh bạch", "Publicity and transparency"),
    PROGRESS("Tiến độ giải quyết", "Processing progress"),
    ONLINE_SERVICES("Dịch vụ công trực tuyến", "Online public services"),
    ONLINE_PAYMENT("Thanh toán trực tuyến", "Online payment"),
    DIGITISATION("Số hóa hồ sơ", "Digitisation"),
    SATISFACTION("Mức độ hài lòng", "Satisfaction");

    private final String vi;
    private final String en;

    IndicatorGroup(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public Text title() {
        return new Text(vi, en);
    }
}
