package app.lantern.demo;

import app.lantern.demo.DemoModel.OfficialSeed;
import app.lantern.demo.DemoModel.ProcedureSeed;
import app.lantern.demo.DemoModel.StepSeed;
import app.lantern.demo.DemoModel.Succession;
import app.lantern.demo.DemoModel.UnitSeed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The units, officials and procedure catalogue of the demo province (DOMAIN.md): Nghe An with its
 * inspectorate, four departments and four districts with communes, the district level ending on
 * 30 June 2025 and the communes merging into new ones on 1 July 2025. Unit codes match the
 * {@code unit} claims of the Keycloak demo users. Built deterministically from a seed.
 */
final class DemoCatalogue {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate FOUNDED = LocalDate.of(1976, 1, 1);

    final List<UnitSeed> units = new ArrayList<>();
    final List<Succession> successions = new ArrayList<>();
    final List<OfficialSeed> officials = new ArrayList<>();
    final List<ProcedureSeed> procedures = new ArrayList<>();
    final Map<String, UnitSeed> unitsByCode = new LinkedHashMap<>();
    /** Procedures a dossier filed at a unit may be for. */
    final Map<Long, List<ProcedureSeed>> proceduresFiledAt = new HashMap<>();
    /** Officials of a unit by duty. */
    final Map<Long, Map<String, List<OfficialSeed>>> officialsByUnit = new HashMap<>();

    private long nextUnitId;
    private long nextOfficialId;
    private long nextProcedureId;
    private long nextStepId;
    private final SplittableRandom random;

    DemoCatalogue(long seed, long firstUnitId, long firstOfficialId, long firstProcedureId, long firstStepId) {
        this.random = new SplittableRandom(seed);
        this.nextUnitId = firstUnitId;
        this.nextOfficialId = firstOfficialId;
        this.nextProcedureId = firstProcedureId;
        this.nextStepId = firstStepId;
        build();
    }

    // ---------------------------------------------------------------- units

    private UnitSeed unit(String code, String name, String level, String parentCode, boolean oneStop,
                          LocalDate from, LocalDate to, String address) {
        UnitSeed parent = parentCode == null ? null : unitsByCode.get(parentCode);
        long id = nextUnitId++;
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        String phone = "0238." + (3500000 + random.nextInt(499999));
        UnitSeed unit = new UnitSeed(id, code, name, level, parent == null ? null : parent.id(), path, address, phone,
                oneStop, from, to);
        units.add(unit);
        unitsByCode.put(code, unit);
        return unit;
    }

    private record District(String code, String name, String seat, String[][] communes, String[][] merged) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("NA-NGHILOC", "Ủy ban nhân dân huyện Nghi Lộc", "thị trấn Quán Hành",
                    new String[][] {{"QUANHANH", "Ủy ban nhân dân thị trấn Quán Hành"}, {"NGHILONG", "Ủy ban nhân dân xã Nghi Long"},
                            {"NGHIXA", "Ủy ban nhân dân xã Nghi Xá"}, {"NGHITHUAN", "Ủy ban nhân dân xã Nghi Thuận"}},
                    new String[][] {{"NA-XA-NGHILOC", "Ủy ban nhân dân xã Nghi Lộc", "QUANHANH", "NGHITHUAN"},
                            {"NA-XA-HAILOC", "Ủy ban nhân dân xã Hải Lộc", "NGHILONG", "NGHIXA"}}),
            new District("NA-QUYHOP", "Ủy ban nhân dân huyện Quỳ Hợp", "thị trấn Quỳ Hợp",
                    new String[][] {{"TTQUYHOP", "Ủy ban nhân dân thị trấn Quỳ Hợp"}, {"CHAUQUANG", "Ủy ban nhân dân xã Châu Quang"},
                            {"TAMHOP", "Ủy ban nhân dân xã Tam Hợp"}, {"CHAULOC", "Ủy ban nhân dân xã Châu Lộc"}},
                    new String[][] {{"NA-XA-QUYHOP", "Ủy ban nhân dân xã Quỳ Hợp", "TTQUYHOP", "CHAUQUANG"},
                            {"NA-XA-TAMHOP", "Ủy ban nhân dân xã Tam Hợp", "TAMHOP", "CHAULOC"}}),
            new District("NA-DOLUONG", "Ủy ban nhân dân huyện Đô Lương", "thị trấn Đô Lương",
                    new String[][] {{"TTDOLUONG", "Ủy ban nhân dân thị trấn Đô Lương"}, {"DASON", "Ủy ban nhân dân xã Đà Sơn"},
                            {"LACSON", "Ủy ban nhân dân xã Lạc Sơn"}, {"THUANSON", "Ủy ban nhân dân xã Thuận Sơn"}},
                    new String[][] {{"NA-XA-DOLUONG", "Ủy ban nhân dân xã Đô Lương", "TTDOLUONG", "DASON"},
                            {"NA-XA-LUONGSON", "Ủy ban nhân dân xã Lương Sơn", "LACSON", "THUANSON"}}),
            new District("NA-TANKY", "Ủy ban nhân dân huyện Tân Kỳ", "thị trấn Tân Kỳ",
                    new String[][] {{"TTTANKY", "Ủy ban nhân dân thị trấn Tân Kỳ"}, {"KYSON", "Ủy ban nhân dân xã Kỳ Sơn"},
                            {"NGHIADONG", "Ủy ban nhân dân xã Nghĩa Đồng"}, {"TANAN", "Ủy ban nhân dân xã Tân An"}},
                    new String[][] {{"NA-XA-TANKY", "Ủy ban nhân dân xã Tân Kỳ", "TTTANKY", "KYSON"},
                            {"NA-XA-NGHIADONG", "Ủy ban nhân dân xã Nghĩa Đồng", "NGHIADONG", "TANAN"}}));

    private static final String[][] DEPARTMENTS = {
            {"NA-STNMT", "Sở Tài nguyên và Môi trường tỉnh Nghệ An", "16 Trường Thi, TP. Vinh"},
            {"NA-SYT", "Sở Y tế tỉnh Nghệ An", "18 Trường Thi, TP. Vinh"},
            {"NA-SNV", "Sở Nội vụ tỉnh Nghệ An", "4 Trường Thi, TP. Vinh"},
            {"NA-STP", "Sở Tư pháp tỉnh Nghệ An", "1 Trần Phú, TP. Vinh"}};

    private final Map<Long, UnitSeed> districtOfNewCommune = new HashMap<>();

    private void buildUnits() {
        unit("NA", "Tỉnh Nghệ An", "PROVINCE", null, false, FOUNDED, null, "3 Trường Thi, TP. Vinh, Nghệ An");
        unit("NA-UBND", "Ủy ban nhân dân tỉnh Nghệ An", "PROVINCE", "NA", false, FOUNDED, null, "3 Trường Thi, TP. Vinh, Nghệ An");
        unit("NA-VPUB", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An", "DEPARTMENT", "NA-UBND", false, FOUNDED, null, "3 Trường Thi, TP. Vinh, Nghệ An");
        unit("NA-TTT", "Thanh tra tỉnh Nghệ An", "DEPARTMENT", "NA", false, FOUNDED, null, "11 Trường Thi, TP. Vinh, Nghệ An");
        for (String[] d : DEPARTMENTS) {
            unit(d[0], d[1], "DEPARTMENT", "NA", true, FOUNDED, null, d[2] + ", Nghệ An");
        }
        for (District district : DISTRICTS) {
            String shortName = district.name().replace("Ủy ban nhân dân ", "");
            UnitSeed parent = unit(district.code(), district.name(), "DISTRICT", "NA", true, FOUNDED, REFORM.minusDays(1),
                    district.seat() + ", " + shortName + ", Nghệ An");
            for (String[] c : district.communes()) {
                unit(district.code() + "-" + c[0], c[1], "COMMUNE", district.code(), true, FOUNDED, REFORM.minusDays(1),
                        c[1].replace("Ủy ban nhân dân ", "") + ", " + shortName + ", Nghệ An");
            }
            for (String[] m : district.merged()) {
                UnitSeed merged = unit(m[0], m[1], "COMMUNE", "NA", true, REFORM, null,
                        m[1].replace("Ủy ban nhân dân ", "") + ", Nghệ An");
                districtOfNewCommune.put(merged.id(), parent);
                for (int i = 2; i < m.length; i++) {
                    UnitSeed old = unitsByCode.get(district.code() + "-" + m[i]);
                    successions.add(new Succession(old.id(), merged.id(), "MERGED_INTO", REFORM));
                }
            }
        }
    }

    // ---------------------------------------------------------------- officials

    static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Thái", "Cao", "Lương", "Hà"};
    static final String[] MIDDLE_MALE = {"Văn", "Đình", "Hữu", "Minh", "Quang", "Đức", "Xuân", "Công", "Thanh"};
    static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Kim"};
    static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam",
            "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh"};
    static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh",
            "Mai", "Nga", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến"};

    static String personName(SplittableRandom random) {
        boolean male = random.nextBoolean();
        return SURNAMES[random.nextInt(SURNAMES.length)] + " "
                + (male ? MIDDLE_MALE[random.nextInt(MIDDLE_MALE.length)] : MIDDLE_FEMALE[random.nextInt(MIDDLE_FEMALE.length)]) + " "
                + (male ? GIVEN_MALE[random.nextInt(GIVEN_MALE.length)] : GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)]);
    }

    private void official(UnitSeed unit, String name, String position, String username, String duty) {
        OfficialSeed official = new OfficialSeed(nextOfficialId++, unit.id(), name, position, username, duty);
        officials.add(official);
        officialsByUnit.computeIfAbsent(unit.id(), k -> new HashMap<>()).computeIfAbsent(duty, k -> new ArrayList<>()).add(official);
    }

    private static final Map<String, String[]> DEMO_USERS = Map.of(
            "NA-STNMT", new String[] {"head.stnmt", "Giám đốc Sở"},
            "NA-SYT", new String[] {"head.syt", "Giám đốc Sở"},
            "NA-NGHILOC", new String[] {"head.nghiloc", "Chủ tịch Ủy ban nhân dân huyện"},
            "NA-QUYHOP", new String[] {"head.quyhop", "Chủ tịch Ủy ban nhân dân huyện"},
            "NA-DOLUONG", new String[] {"head.doluong", "Chủ tịch Ủy ban nhân dân huyện"},
            "NA-TANKY", new String[] {"head.tanky", "Chủ tịch Ủy ban nhân dân huyện"});

    private void buildOfficials() {
        official(unitsByCode.get("NA-TTT"), "Nguyễn Văn Thanh", "Phó Chánh Thanh tra tỉnh, Trưởng đoàn thanh tra", "inspector.lead", "INSPECTION");
        official(unitsByCode.get("NA-TTT"), "Trần Thị Hoa", "Thanh tra viên chính", "inspector.hoa", "INSPECTION");
        official(unitsByCode.get("NA-UBND"), "Lê Minh Quân", "Quản trị hệ thống", "admin", "ADMINISTRATION");
        official(unitsByCode.get("NA-VPUB"), personName(random), "Chánh Văn phòng", null, "APPROVAL");
        for (UnitSeed unit : units) {
            if (!unit.oneStopShop()) {
                continue;
            }
            String[] demo = DEMO_USERS.get(unit.code());
            String headTitle = switch (unit.level()) {
                case "DEPARTMENT" -> "Giám đốc Sở";
                case "DISTRICT" -> "Chủ tịch Ủy ban nhân dân huyện";
                default -> "Chủ tịch Ủy ban nhân dân xã";
            };
            official(unit, personName(random), demo == null ? headTitle : demo[1], demo == null ? null : demo[0], "APPROVAL");
            official(unit, personName(random), headTitle.replace("Giám đốc", "Phó Giám đốc").replace("Chủ tịch", "Phó Chủ tịch"), null, "APPROVAL");
            int receptionists = unit.level().equals("COMMUNE") ? 1 : 2;
            for (int i = 0; i < receptionists; i++) {
                official(unit, personName(random), "Công chức Bộ phận Tiếp nhận và Trả kết quả", null, "RECEPTION");
            }
            String[] specialists = switch (unit.level()) {
                case "COMMUNE" -> new String[] {"Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng", "Công chức Văn hóa - Xã hội"};
                case "DISTRICT" -> new String[] {"Chuyên viên Phòng Tài nguyên và Môi trường", "Chuyên viên Phòng Tư pháp",
                        "Chuyên viên Phòng Kinh tế - Hạ tầng", "Chuyên viên Phòng Tài chính - Kế hoạch",
                        "Chuyên viên Phòng Lao động - Thương binh và Xã hội"};
                default -> new String[] {"Chuyên viên", "Chuyên viên chính", "Chuyên viên", "Chuyên viên"};
            };
            for (String title : specialists) {
                official(unit, personName(random), title, null, "PROCESSING");
            }
        }
    }

    // ---------------------------------------------------------------- procedures

    /** Field, typical statutory days (min, max), fee in VND or 0, and real procedure names. */
    private record Field(String code, int minDays, int maxDays, long fee, String... names) {
    }

    private static final Map<String, Field> DISTRICT_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Field> COMMUNE_FIELDS = new LinkedHashMap<>();
    private static final Map<String, List<Field>> DEPARTMENT_FIELDS = new LinkedHashMap<>();

    private static void field(Map<String, Field> into, Field field) {
        into.put(field.code(), field);
    }

    static {
        field(DISTRICT_FIELDS, new Field("LAND", 10, 30, 100_000,
                "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu",
                "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
                "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất",
                "Đính chính Giấy chứng nhận quyền sử dụng đất đã cấp",
                "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân",
                "Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất đối với hộ gia đình, cá nhân",
                "Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất",
                "Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân",
                "Tách thửa hoặc hợp thửa đất",
                "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
                "Xóa đăng ký cho thuê, cho thuê lại quyền sử dụng đất"));
        field(DISTRICT_FIELDS, new Field("CIVIL_STATUS", 5, 15, 50_000,
                "Đăng ký khai sinh có yếu tố nước ngoài",
                "Đăng ký kết hôn có yếu tố nước ngoài",
                "Đăng ký khai tử có yếu tố nước ngoài",
                "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài",
                "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
                "Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài",
                "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết ở nước ngoài"));
        field(DISTRICT_FIELDS, new Field("CONSTRUCTION", 15, 20, 75_000,
                "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
                "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình",
                "Điều chỉnh giấy phép xây dựng",
                "Gia hạn giấy phép xây dựng",
                "Cấp lại giấy phép xây dựng",
                "Cấp giấy phép di dời công trình",
                "Thẩm định Báo cáo kinh tế - kỹ thuật đầu tư xây dựng"));
        field(DISTRICT_FIELDS, new Field("BUSINESS", 3, 10, 100_000,
                "Đăng ký thành lập hộ kinh doanh",
                "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
                "Tạm ngừng hoạt động hộ kinh doanh",
                "Chấm dứt hoạt động hộ kinh doanh",
                "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh",
                "Cấp Giấy phép bán lẻ rượu",
                "Cấp Giấy phép bán lẻ sản phẩm thuốc lá",
                "Đăng ký thành lập hợp tác xã"));
        field(DISTRICT_FIELDS, new Field("HEALTH", 10, 20, 0,
                "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống",
                "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                "Xác nhận kiến thức về an toàn thực phẩm"));
        field(DISTRICT_FIELDS, new Field("SOCIAL_PROTECTION", 7, 20, 0,
                "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng",
                "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
                "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở",
                "Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội",
                "Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập",
                "Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho nạn nhân bị mua bán"));
        field(DISTRICT_FIELDS, new Field("MERITORIOUS_PEOPLE", 10, 20, 0,
                "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ",
                "Giải quyết chế độ ưu đãi đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học",
                "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ",
                "Hỗ trợ người có công với cách mạng về nhà ở"));
        field(DISTRICT_FIELDS, new Field("EDUCATION", 10, 20, 0,
                "Cho phép trường mầm non hoạt động giáo dục",
                "Thành lập trường tiểu học công lập, cho phép thành lập trường tiểu học tư thục",
                "Chuyển trường đối với học sinh trung học cơ sở",
                "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú",
                "Cho phép trường trung học cơ sở hoạt động giáo dục",
                "Sáp nhập, chia, tách trường mầm non"));
        field(DISTRICT_FIELDS, new Field("JUSTICE", 1, 3, 10_000,
                "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của nước ngoài cấp",
                "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật",
                "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
                "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"));
        field(DISTRICT_FIELDS, new Field("HOME_AFFAIRS", 10, 20, 0,
                "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện",
                "Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động ở một huyện",
                "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo",
                "Công nhận ban vận động thành lập hội có phạm vi hoạt động trong huyện"));
        field(DISTRICT_FIELDS, new Field("ENVIRONMENT", 15, 30, 0,
                "Đăng ký môi trường",
                "Cấp giấy phép môi trường thuộc thẩm quyền cấp huyện",
                "Cấp lại giấy phép môi trường"));
        field(DISTRICT_FIELDS, new Field("TRANSPORT", 5, 10, 0,
                "Cấp giấy phép thi công công trình trên đường huyện đang khai thác",
                "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường huyện"));
        field(DISTRICT_FIELDS, new Field("AGRICULTURE", 10, 20, 0,
                "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh, thiên tai",
                "Phê duyệt kế hoạch khuyến nông địa phương",
                "Công nhận làng nghề truyền thống"));

        field(COMMUNE_FIELDS, new Field("CIVIL_STATUS", 1, 5, 0,
                "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Đăng ký nhận cha, mẹ, con",
                "Đăng ký giám hộ", "Đăng ký lại khai sinh", "Cấp Giấy xác nhận tình trạng hôn nhân",
                "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
                "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
                "Cấp bản sao Trích lục hộ tịch"));
        field(COMMUNE_FIELDS, new Field("JUSTICE", 1, 2, 10_000,
                "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
                "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực hợp đồng, giao dịch liên quan đến nhà ở",
                "Chứng thực di chúc", "Chứng thực văn bản thỏa thuận phân chia di sản", "Công nhận hòa giải viên",
                "Thôi làm hòa giải viên"));
        field(COMMUNE_FIELDS, new Field("LAND", 5, 30, 0,
                "Hòa giải tranh chấp đất đai", "Xác nhận hiện trạng sử dụng đất",
                "Đăng ký đất đai đối với trường hợp được Nhà nước giao đất để quản lý"));
        field(COMMUNE_FIELDS, new Field("SOCIAL_PROTECTION", 7, 15, 0,
                "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
                "Đổi, cấp lại Giấy xác nhận khuyết tật", "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm",
                "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm", "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng"));
        field(COMMUNE_FIELDS, new Field("MERITORIOUS_PEOPLE", 5, 12, 0,
                "Xác nhận thông tin về liệt sĩ, thân nhân liệt sĩ", "Cấp Giấy xác nhận thân nhân của người có công",
                "Hỗ trợ chi phí mai táng khi người có công với cách mạng từ trần"));
        field(COMMUNE_FIELDS, new Field("CULTURE", 5, 10, 0,
                "Xét tặng danh hiệu Gia đình văn hóa hằng năm", "Xét tặng Giấy khen Gia đình văn hóa",
                "Thông báo tổ chức lễ hội cấp xã"));
        field(COMMUNE_FIELDS, new Field("HOME_AFFAIRS", 5, 20, 0,
                "Đăng ký hoạt động tín ngưỡng", "Đăng ký sinh hoạt tôn giáo tập trung",
                "Thông báo thay đổi địa điểm sinh hoạt tôn giáo tập trung", "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"));
        field(COMMUNE_FIELDS, new Field("AGRICULTURE", 5, 10, 0,
                "Hỗ trợ giống cây trồng, vật nuôi khắc phục thiệt hại do thiên tai", "Xác nhận bảng kê lâm sản"));
        field(COMMUNE_FIELDS, new Field("EDUCATION", 5, 15, 0,
                "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động", "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập"));

        DEPARTMENT_FIELDS.put("NA-STNMT", List.of(
                new Field("LAND", 15, 30, 500_000,
                        "Giao đất, cho thuê đất cho tổ chức không thông qua đấu giá quyền sử dụng đất",
                        "Chuyển mục đích sử dụng đất đối với tổ chức", "Đăng ký đất đai lần đầu đối với tổ chức",
                        "Thẩm định nhu cầu sử dụng đất để xem xét giao đất, cho thuê đất",
                        "Đăng ký biến động quyền sử dụng đất của tổ chức", "Gia hạn sử dụng đất đối với tổ chức"),
                new Field("ENVIRONMENT", 20, 45, 1_000_000,
                        "Thẩm định báo cáo đánh giá tác động môi trường", "Cấp giấy phép môi trường cấp tỉnh",
                        "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Cấp giấy phép xả nước thải vào nguồn nước",
                        "Cấp giấy phép thăm dò khoáng sản", "Cấp giấy phép khai thác khoáng sản", "Đóng cửa mỏ khoáng sản",
                        "Cấp giấy phép hoạt động đo đạc và bản đồ")));
        DEPARTMENT_FIELDS.put("NA-SYT", List.of(
                new Field("HEALTH", 10, 45, 500_000,
                        "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Cấp giấy phép hoạt động đối với phòng khám đa khoa",
                        "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa", "Cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh",
                        "Công bố cơ sở đủ điều kiện thực hiện tiêm chủng", "Cấp giấy phép hoạt động cơ sở dịch vụ thẩm mỹ",
                        "Công bố đủ điều kiện mua bán trang thiết bị y tế"),
                new Field("PHARMACY", 15, 30, 500_000,
                        "Cấp chứng chỉ hành nghề dược", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược",
                        "Cấp giấy xác nhận nội dung quảng cáo mỹ phẩm", "Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh dược"),
                new Field("FOOD_SAFETY", 10, 20, 700_000,
                        "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất",
                        "Cấp giấy xác nhận nội dung quảng cáo thực phẩm", "Đăng ký bản công bố sản phẩm thực phẩm")));
        DEPARTMENT_FIELDS.put("NA-SNV", List.of(
                new Field("HOME_AFFAIRS", 15, 45, 0,
                        "Thi tuyển công chức", "Xét tuyển viên chức", "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                        "Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", "Phê duyệt điều lệ hội", "Thành lập quỹ xã hội, quỹ từ thiện",
                        "Đăng ký hoạt động tôn giáo có địa bàn ở nhiều huyện", "Cấp chứng chỉ hành nghề lưu trữ",
                        "Thẩm định thành lập đơn vị sự nghiệp công lập")));
        DEPARTMENT_FIELDS.put("NA-STP", List.of(
                new Field("JUSTICE", 5, 20, 200_000,
                        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
                        "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "Đăng ký hành nghề và cấp Thẻ công chứng viên",
                        "Thành lập Văn phòng công chứng", "Đăng ký hoạt động của tổ chức hành nghề luật sư",
                        "Cấp Thẻ tư vấn viên pháp luật", "Đăng ký hoạt động Văn phòng thừa phát lại",
                        "Cấp bản sao văn bản công chứng", "Đăng ký hoạt động của tổ chức giám định tư pháp"),
                new Field("NATIONALITY", 20, 60, 3_000_000,
                        "Nhập quốc tịch Việt Nam", "Thôi quốc tịch Việt Nam", "Trở lại quốc tịch Việt Nam",
                        "Cấp Giấy xác nhận có quốc tịch Việt Nam")));
    }

    /** How many procedures of each field a district has (Do Luong: 237 district level, 110 commune level). */
    private static final Map<String, Integer> DISTRICT_MIX = orderedCounts(
            "LAND", 45, "CIVIL_STATUS", 20, "CONSTRUCTION", 25, "BUSINESS", 30, "HEALTH", 10, "SOCIAL_PROTECTION", 30,
            "MERITORIOUS_PEOPLE", 12, "EDUCATION", 25, "JUSTICE", 10, "HOME_AFFAIRS", 12, "ENVIRONMENT", 8, "TRANSPORT", 4,
            "AGRICULTURE", 6);
    private static final Map<String, Integer> COMMUNE_MIX = orderedCounts(
            "CIVIL_STATUS", 30, "JUSTICE", 20, "LAND", 10, "SOCIAL_PROTECTION", 15, "MERITORIOUS_PEOPLE", 10, "CULTURE", 8,
            "HOME_AFFAIRS", 7, "AGRICULTURE", 5, "EDUCATION", 5);
    private static final Map<String, Integer> DEPARTMENT_SIZE = Map.of("NA-STNMT", 90, "NA-SYT", 110, "NA-SNV", 70, "NA-STP", 100);

    private static Map<String, Integer> orderedCounts(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    /** Catalogues repeat a procedure for its cases; the variants below name them. */
    private static final String[] VARIANTS = {"", " (trường hợp thực hiện liên thông)", " (trường hợp điều chỉnh, bổ sung)",
            " (trường hợp cấp lại do hư hỏng, thất lạc)", " (trường hợp có yếu tố nước ngoài)", " (thủ tục rút gọn)",
            " (trường hợp tổ chức đề nghị)", " (trường hợp ủy quyền)"};

    private static String variantName(Field field, int index) {
        String base = field.names()[index % field.names().length];
        int variant = (index / field.names().length) % VARIANTS.length;
        String suffix = VARIANTS[variant];
        return suffix.contains("nước ngoài") && base.contains("nước ngoài") ? base + " (trường hợp tổ chức đề nghị)" : base + suffix;
    }

    private ProcedureSeed procedure(UnitSeed owner, String code, String name, Field field, String authorityLevel,
                                    String reviewState) {
        long id = nextProcedureId++;
        int days = field.minDays() + random.nextInt(field.maxDays() - field.minDays() + 1);
        long fee = field.fee() == 0 || random.nextInt(3) == 0 ? 0 : field.fee() * (1 + random.nextInt(3));
        int online = random.nextInt(100);
        String onlineLevel = online < 35 ? "FULL" : online < 70 ? "PARTIAL" : "OFFLINE";
        boolean published = random.nextInt(100) < 94;
        List<StepSeed> steps = new ArrayList<>();
        int approve = days >= 3 ? 1 : 0;
        steps.add(new StepSeed(nextStepId++, id, 1, "Tiếp nhận hồ sơ tại Bộ phận Một cửa", 0, owner.id()));
        steps.add(new StepSeed(nextStepId++, id, 2, "Thẩm định, xử lý hồ sơ", days - approve, owner.id()));
        steps.add(new StepSeed(nextStepId++, id, 3, "Phê duyệt, ký kết quả", approve, owner.id()));
        steps.add(new StepSeed(nextStepId++, id, 4, "Trả kết quả cho tổ chức, cá nhân", 0, owner.id()));
        ProcedureSeed procedure = new ProcedureSeed(id, owner.id(), code, name, field.code(), authorityLevel, days, fee,
                onlineLevel, published, reviewState, steps);
        procedures.add(procedure);
        return procedure;
    }

    private List<ProcedureSeed> catalogue(UnitSeed owner, Map<String, Integer> mix, Map<String, Field> fields,
                                          String level, String codePrefix, int simplify) {
        List<ProcedureSeed> list = new ArrayList<>();
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        // spread the proposals for simplification evenly, deterministically
        int n = 0;
        for (Map.Entry<String, Integer> entry : mix.entrySet()) {
            Field field = fields.get(entry.getKey());
            for (int i = 0; i < entry.getValue(); i++, n++) {
                String review = simplify > 0 && n % (total / simplify) == 3 && n / (total / simplify) < simplify
                        ? "PROPOSED_SIMPLIFICATION" : (random.nextInt(100) < 3 ? "AMENDED" : "IN_FORCE");
                list.add(procedure(owner, codePrefix + String.format("%04d", 1000 + n), variantName(field, i), field, level, review));
            }
        }
        return list;
    }

    private void buildProcedures() {
        for (String[] d : DEPARTMENTS) {
            UnitSeed dept = unitsByCode.get(d[0]);
            List<Field> fields = DEPARTMENT_FIELDS.get(d[0]);
            int size = DEPARTMENT_SIZE.get(d[0]);
            Map<String, Integer> mix = new LinkedHashMap<>();
            Map<String, Field> byCode = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                mix.put(fields.get(i).code(), size / fields.size() + (i < size % fields.size() ? 1 : 0));
                byCode.put(fields.get(i).code(), fields.get(i));
            }
            List<ProcedureSeed> list = catalogue(dept, mix, byCode, "PROVINCE", "1.00", 6);
            proceduresFiledAt.put(dept.id(), list);
        }
        for (District district : DISTRICTS) {
            UnitSeed owner = unitsByCode.get(district.code());
            List<ProcedureSeed> districtLevel = catalogue(owner, DISTRICT_MIX, DISTRICT_FIELDS, "DISTRICT", "1.00", 0);
            List<ProcedureSeed> communeLevel = catalogue(owner, COMMUNE_MIX, COMMUNE_FIELDS, "COMMUNE", "2.00", 0);
            // Do Luong reported 12 proposed for simplification; the other districts a similar share
            int proposals = district.code().equals("NA-DOLUONG") ? 12 : 8 + random.nextInt(8);
            markProposals(districtLevel, communeLevel, proposals);
            proceduresFiledAt.put(owner.id(), districtLevel);
            for (String[] c : district.communes()) {
                proceduresFiledAt.put(unitsByCode.get(district.code() + "-" + c[0]).id(), communeLevel);
            }
            for (Map.Entry<Long, UnitSeed> e : districtOfNewCommune.entrySet()) {
                if (e.getValue().id() == owner.id()) {
                    // after the reform the commune handles both what the district and the commune did
                    List<ProcedureSeed> both = new ArrayList<>(communeLevel);
                    both.addAll(districtLevel);
                    proceduresFiledAt.put(e.getKey(), both);
                }
            }
        }
    }

    private void markProposals(List<ProcedureSeed> districtLevel, List<ProcedureSeed> communeLevel, int count) {
        List<ProcedureSeed> all = new ArrayList<>(districtLevel);
        all.addAll(communeLevel);
        for (int i = 0; i < all.size(); i++) {
            ProcedureSeed p = all.get(i);
            boolean proposed = i % (all.size() / count) == 7 && i / (all.size() / count) < count;
            String state = proposed ? "PROPOSED_SIMPLIFICATION" : p.reviewState();
            if (!state.equals(p.reviewState())) {
                ProcedureSeed changed = new ProcedureSeed(p.id(), p.unitId(), p.nationalCode(), p.name(), p.field(),
                        p.authorityLevel(), p.statutoryDays(), p.fee(), p.onlineLevel(), p.published(), state, p.steps());
                procedures.set(procedures.indexOf(p), changed);
                replace(districtLevel, p, changed);
                replace(communeLevel, p, changed);
            }
        }
    }

    private static void replace(List<ProcedureSeed> list, ProcedureSeed old, ProcedureSeed changed) {
        int i = list.indexOf(old);
        if (i >= 0) {
            list.set(i, changed);
        }
    }

    private void build() {
        buildUnits();
        buildOfficials();
        buildProcedures();
    }

    /** Units where dossiers are filed on {@code day}, with relative weights. */
    List<UnitSeed> filingUnits(LocalDate day) {
        List<UnitSeed> list = new ArrayList<>();
        for (UnitSeed unit : units) {
            if (unit.oneStopShop() && unit.validOn(day) && proceduresFiledAt.containsKey(unit.id())) {
                list.add(unit);
            }
        }
        return list;
    }

    static int weight(UnitSeed unit) {
        return switch (unit.level()) {
            case "DEPARTMENT" -> 9;
            case "DISTRICT" -> 12;
            default -> unit.validFrom().isBefore(REFORM) ? 4 : 10;
        };
    }
}
