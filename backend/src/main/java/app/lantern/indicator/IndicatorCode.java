package app.lantern.indicator;

import static app.lantern.indicator.Counter.*;

/** The indicators of the scorecard: group, what they count, their fraction and its words. */
public enum IndicatorCode {
    PROCEDURES_ANNOUNCED_ON_TIME(IndicatorGroup.PUBLICITY, Basis.PROCEDURES, PROC_ANNOUNCED_ON_TIME, PROC_EFFECTIVE,
            "Thủ tục được công bố đúng hạn", "Procedures announced on time",
            "thủ tục có quyết định công bố không muộn hơn ngày văn bản có hiệu lực", "procedures announced no later than the day they took effect",
            "thủ tục có hiệu lực trong kỳ", "procedures that took effect in the period"),
    PROCEDURES_PUBLISHED_ON_TIME(IndicatorGroup.PUBLICITY, Basis.PROCEDURES, PROC_PUBLISHED_ON_TIME, PROC_ANNOUNCED,
            "Thủ tục được công khai, cập nhật đúng hạn", "Procedures published or updated on time",
            "thủ tục được đăng tải lên Cơ sở dữ liệu quốc gia trong 7 ngày kể từ ngày công bố", "procedures published on the national database within 7 days of their announcement",
            "thủ tục được công bố trong kỳ", "procedures announced in the period"),
    PROCEDURES_FULL_CONTENT(IndicatorGroup.PUBLICITY, Basis.PROCEDURES, PROC_FULL_CONTENT, PROC_IN_FORCE,
            "Thủ tục được công khai đầy đủ nội dung", "Procedures with full content published",
            "thủ tục đang có hiệu lực được công khai đầy đủ nội dung", "procedures in force published with their full content",
            "thủ tục đang có hiệu lực (đã công bố đến cuối kỳ, chưa bãi bỏ)", "procedures in force (announced by the period's end, not abolished)"),
    DOSSIERS_SYNCED_TO_PORTAL(IndicatorGroup.PUBLICITY, Basis.DOSSIERS, SYNCED_PORTAL, RECEIVED,
            "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", "Dossiers synchronised to the national portal",
            "hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng Dịch vụ công quốc gia", "dossiers received in the period synchronised to the national portal",
            "hồ sơ tiếp nhận trong kỳ", "dossiers received in the period"),
    DOSSIERS_RESOLVED_ON_TIME(IndicatorGroup.PROGRESS, Basis.DOSSIERS, DUE_ON_TIME, DUE,
            "Hồ sơ giải quyết đúng hạn", "Dossiers resolved on time",
            "hồ sơ đến hạn trong kỳ đã giải quyết không muộn hơn ngày hẹn trả", "dossiers due in the period resolved on or before their due date",
            "hồ sơ có ngày hẹn trả trong kỳ đã giải quyết, hoặc còn đang xử lý mà đã quá ngày hẹn trả (hồ sơ chưa đến hạn chưa tính; không tính hồ sơ bị từ chối, rút)",
            "dossiers due in the period that were resolved, or are still open past their due date (open ones not yet due wait; rejected and withdrawn ones excluded)"),
    PROCEDURES_ONLINE(IndicatorGroup.ONLINE_SERVICES, Basis.PROCEDURES, PROC_ONLINE, PROC_IN_FORCE,
            "A: Thủ tục cung cấp dịch vụ công trực tuyến", "A: Procedures offered online",
            "thủ tục đang có hiệu lực cung cấp trực tuyến toàn trình hoặc một phần", "procedures in force offered fully or partly online",
            "thủ tục đang có hiệu lực", "procedures in force"),
    ONLINE_SERVICES_USED(IndicatorGroup.ONLINE_SERVICES, Basis.PROCEDURES, PROC_ONLINE_USED, PROC_ONLINE,
            "B: Dịch vụ công trực tuyến có phát sinh hồ sơ", "B: Online services that received dossiers",
            "dịch vụ công trực tuyến nhận ít nhất một hồ sơ trực tuyến trong kỳ", "online services that received at least one online dossier in the period",
            "dịch vụ công trực tuyến (thủ tục đang có hiệu lực cung cấp trực tuyến)", "online services (procedures in force offered online)"),
    DOSSIERS_FILED_ONLINE(IndicatorGroup.ONLINE_SERVICES, Basis.DOSSIERS, RECEIVED_ONLINE, RECEIVED,
            "C: Hồ sơ nộp trực tuyến", "C: Dossiers filed online",
            "hồ sơ tiếp nhận trực tuyến trong kỳ", "dossiers received online in the period",
            "hồ sơ tiếp nhận trong kỳ", "dossiers received in the period"),
    DOSSIERS_PAID_ONLINE(IndicatorGroup.ONLINE_PAYMENT, Basis.DOSSIERS, PAID_ONLINE, RECEIVED_FEE,
            "A: Hồ sơ thanh toán trực tuyến", "A: Dossiers paid online",
            "hồ sơ có phí, lệ phí đã thanh toán trực tuyến", "dossiers with a fee paid online",
            "hồ sơ có phí, lệ phí tiếp nhận trong kỳ", "dossiers with a fee received in the period"),
    PROCEDURES_WITH_ONLINE_PAYMENT(IndicatorGroup.ONLINE_PAYMENT, Basis.PROCEDURES, PROC_ONLINE_PAYMENT, PROC_FEE,
            "B: Thủ tục có thanh toán trực tuyến", "B: Procedures with online payment",
            "thủ tục có phí, lệ phí cho phép thanh toán trực tuyến", "procedures with a fee that accept online payment",
            "thủ tục đang có hiệu lực có phí, lệ phí", "procedures in force with a fee"),
    PROCEDURES_PORTAL_PAYMENT(IndicatorGroup.ONLINE_PAYMENT, Basis.PROCEDURES, PROC_PORTAL_PAYMENT, PROC_FEE,
            "C: Thủ tục đã cấu hình thanh toán trên Cổng quốc gia", "C: Procedures set up for portal payment",
            "thủ tục có phí, lệ phí đã cấu hình thanh toán trên Cổng Dịch vụ công quốc gia", "procedures with a fee set up for payment on the national portal",
            "thủ tục đang có hiệu lực có phí, lệ phí", "procedures in force with a fee"),
    ELECTRONIC_RESULTS(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, RESOLVED_ELECTRONIC, RESOLVED,
            "Kết quả giải quyết điện tử", "Electronic results issued",
            "hồ sơ giải quyết trong kỳ có kết quả điện tử", "dossiers resolved in the period with an electronic result",
            "hồ sơ giải quyết trong kỳ", "dossiers resolved in the period"),
    DOSSIERS_DIGITISED(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, DIGITISED, RECEIVED,
            "Hồ sơ được số hóa thành phần", "Dossier components digitised",
            "hồ sơ tiếp nhận trong kỳ được số hóa thành phần hồ sơ", "dossiers received in the period whose components were digitised",
            "hồ sơ tiếp nhận trong kỳ", "dossiers received in the period"),
    ELECTRONIC_CERTIFIED_COPIES(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, CERT_ELECTRONIC, CERT_REQUESTED,
            "Cấp bản sao chứng thực điện tử", "Electronic certified copies",
            "hồ sơ được cấp bản sao chứng thực điện tử", "dossiers whose certified copy was issued electronically",
            "hồ sơ tiếp nhận trong kỳ có yêu cầu bản sao chứng thực", "dossiers received in the period that asked for a certified copy"),
    DIGITISED_DATA_REUSED(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, REUSED_DATA, RECEIVED,
            "Tái sử dụng dữ liệu đã số hóa", "Digitised data reused",
            "hồ sơ tiếp nhận trong kỳ có tái sử dụng dữ liệu đã số hóa", "dossiers received in the period that reused digitised data",
            "hồ sơ tiếp nhận trong kỳ", "dossiers received in the period"),
    RESULTS_SYNCED_TO_CITIZEN_STORE(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, RESULT_SYNCED, RESOLVED,
            "Kết quả đồng bộ vào kho dữ liệu của công dân", "Results synced to the citizen's data store",
            "hồ sơ giải quyết trong kỳ có kết quả đồng bộ vào kho dữ liệu của công dân, tổ chức", "dossiers resolved in the period whose result was synced to the applicant's data store",
            "hồ sơ giải quyết trong kỳ", "dossiers resolved in the period"),
    PROCEDURES_POPULATION_DB(IndicatorGroup.DIGITISATION, Basis.PROCEDURES, PROC_POPULATION_DB, PROC_IN_FORCE,
            "Thủ tục kết nối Cơ sở dữ liệu quốc gia về dân cư", "Procedures connected to the population database",
            "thủ tục đang có hiệu lực đã kết nối Cơ sở dữ liệu quốc gia về dân cư", "procedures in force connected to the population database",
            "thủ tục đang có hiệu lực", "procedures in force"),
    DOSSIERS_POPULATION_DATA(IndicatorGroup.DIGITISATION, Basis.DOSSIERS, POPULATION_DATA, RECEIVED,
            "Hồ sơ sử dụng dữ liệu dân cư", "Dossiers using population data",
            "hồ sơ tiếp nhận trong kỳ sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư", "dossiers received in the period that used population-database data",
            "hồ sơ tiếp nhận trong kỳ", "dossiers received in the period"),
    FEEDBACK_ANSWERED_ON_TIME(IndicatorGroup.SATISFACTION, Basis.FEEDBACK, FB_ON_TIME, FB_RECEIVED,
            "Phản ánh, kiến nghị được trả lời đúng hạn", "Feedback answered on time",
            "phản ánh, kiến nghị nhận trong kỳ được trả lời đúng hạn", "feedback received in the period answered by its deadline",
            "phản ánh, kiến nghị nhận trong kỳ đã trả lời hoặc đã quá hạn trả lời (chưa đến hạn thì chưa tính)",
            "feedback received in the period that was answered or whose answer deadline has passed (not yet due: not counted)"),
    FEEDBACK_SATISFACTION(IndicatorGroup.SATISFACTION, Basis.FEEDBACK, FB_SATISFIED, FB_RATED,
            "Hài lòng với trả lời phản ánh, kiến nghị", "Satisfaction with feedback answers",
            "phản ánh được trả lời trong kỳ mà người gửi đánh giá hài lòng (4 hoặc 5)", "feedback answered in the period whose sender rated the answer satisfied (4 or 5)",
            "phản ánh được trả lời trong kỳ có đánh giá", "feedback answered in the period whose answer was rated"),
    DOSSIER_SATISFACTION(IndicatorGroup.SATISFACTION, Basis.DOSSIERS, RATED_SATISFIED, RATED,
            "Hài lòng về giải quyết hồ sơ", "Satisfaction with dossier handling",
            "hồ sơ giải quyết trong kỳ được đánh giá hài lòng (4 hoặc 5)", "dossiers resolved in the period rated satisfied (4 or 5)",
            "hồ sơ giải quyết trong kỳ có đánh giá", "dossiers resolved in the period that were rated");

    private final IndicatorGroup group;
    private final Basis basis;
    private final Counter numerator;
    private final Counter denominator;
    private final Text title;
    private final Text numeratorWords;
    private final Text denominatorWords;

    IndicatorCode(IndicatorGroup group, Basis basis, Counter numerator, Counter denominator, String titleVi, String titleEn,
                  String numeratorVi, String numeratorEn, String denominatorVi, String denominatorEn) {
        this.group = group;
        this.basis = basis;
        this.numerator = numerator;
        this.denominator = denominator;
        this.title = new Text(titleVi, titleEn);
        this.numeratorWords = new Text(numeratorVi, numeratorEn);
        this.denominatorWords = new Text(denominatorVi, denominatorEn);
    }

    public IndicatorGroup group() {
        return group;
    }

    public Basis basis() {
        return basis;
    }

    public Counter numerator() {
        return numerator;
    }

    public Counter denominator() {
        return denominator;
    }

    public Text title() {
        return title;
    }

    /**
     * Decision 766 gives dossier satisfaction 0 points when nobody rated: with dossiers resolved in the
     * period and none rated, the indicator shows no data (zero denominator, no rate) yet earns 0 of its
     * points and stays in the attainable points, so it counts against the total. With nothing resolved
     * there was nothing to rate: plain no data, left out of the attainable points like any other.
     */
    public boolean zeroWhenNobodyRated() {
        return this == DOSSIER_SATISFACTION;
    }

    /** The formula in words with the rule's weight, cap and threshold. */
    public Text formula(RuleSet.Rule rule) {
        String weight = number(rule.weight());
        String cap = number(rule.cap());
        String fullAt = number(rule.fullAt());
        String vi = "Tỉ lệ = " + numeratorWords.vi() + " ÷ " + denominatorWords.vi() + ". Điểm = "
                + pointsWords(weight, cap, fullAt, rule, "tỉ lệ") + (basis == Basis.FEEDBACK
                ? "; không có dữ liệu khi hệ thống chưa ghi nhận phản ánh, kiến nghị." : zeroWhenNobodyRated()
                ? "; có hồ sơ giải quyết trong kỳ mà không ai đánh giá: không có dữ liệu và 0 điểm, vẫn tính vào điểm tối đa đạt được." : ".");
        String en = "Rate = " + numeratorWords.en() + " ÷ " + denominatorWords.en() + ". Points = "
                + pointsWords(weight, cap, fullAt, rule, "rate") + (basis == Basis.FEEDBACK
                ? "; no data while the installation records no feedback." : zeroWhenNobodyRated()
                ? "; when dossiers were resolved in the period but nobody rated them: no data and 0 points, still counted in the attainable points." : ".");
        return new Text(vi, en);
    }

    private static String pointsWords(String weight, String cap, String fullAt, RuleSet.Rule rule, String rate) {
        String base = rule.fullAt() == 1 ? weight + " × " + rate : weight + " × " + rate + " ÷ " + fullAt;
        return rule.cap() < rule.weight() * (1 / rule.fullAt()) ? "min(" + cap + ", " + base + ")" : base;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
