package app.lantern.demo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plan 2960/KH-TTCP as the demo runs it: the thematic inspection of administrative procedure
 * handling in four units of Nghệ An, in fieldwork, with one unit's self-inspection report submitted
 * and another's in draft. Written in SQL so the demo depends on no
 * feature's internals; the plan's officials are looked up by unit and login in the generated
 * catalogue, so the generated data (and its pinned hash) stays as it was.
 */
final class DemoPlans {

    static final String NUMBER = "2960/KH-TTCP";
    static final List<String> TARGETS = List.of("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP");
    /** Team members besides the lead: officials of these units (inspector.hoa for NA-TTT). */
    static final List<String> MEMBER_UNITS = List.of("NA-TTT", "NA-VPUB", "NA-SNV", "NA-STP");
    static final List<String> CHECKLIST = List.of(
            "Trách nhiệm quản lý nhà nước về kiểm soát thủ tục hành chính",
            "Công khai thủ tục hành chính",
            "Tổ chức và hoạt động của Bộ phận Một cửa",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Cung cấp và giải quyết thủ tục hành chính trực tuyến",
            "Tiếp nhận, giải quyết hồ sơ trực tiếp và trực tuyến",
            "Hồ sơ quá hạn, hồ sơ bị từ chối và nguyên nhân",
            "Việc thực thi công vụ của cán bộ, công chức");

    private DemoPlans() {
    }

    /** Writes the plan unless a plan with its number exists; the caller holds the demo lock and the transaction. */
    static boolean load(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from inspection_plan where number = :n").param("n", NUMBER).query(Long.class).single() > 0) {
            return false;
        }
        long plan = jdbc.sql("""
                        insert into inspection_plan (number, title, issuing_authority, issue_date, period_from, period_to,
                            self_report_due, fieldwork_from, fieldwork_to, conclusion_due, status, created_by)
                        values (:number, :title, :authority, :issueDate, :periodFrom, :periodTo, :selfReportDue,
                            :fieldworkFrom, :fieldworkTo, :conclusionDue, 'IN_PROGRESS', 'demo')
                        returning id""")
                .param("number", NUMBER)
                .param("title", "Thanh tra chuyên đề việc giải quyết thủ tục hành chính và thực hiện cơ chế một cửa, "
                        + "một cửa liên thông tại các sở, ngành và huyện của tỉnh Nghệ An")
                .param("authority", "Thanh tra Chính phủ")
                .param("issueDate", LocalDate.of(2023, 12, 8))
                .param("periodFrom", LocalDate.of(2021, 7, 15))
                .param("periodTo", LocalDate.of(2023, 11, 30))
                .param("selfReportDue", LocalDate.of(2024, 1, 15))
                .param("fieldworkFrom", LocalDate.of(2024, 2, 19))
                .param("fieldworkTo", LocalDate.of(2024, 4, 12))
                .param("conclusionDue", LocalDate.of(2024, 5, 31))
                .query(Long.class).single();
        for (int i = 0; i < CHECKLIST.size(); i++) {
            jdbc.sql("insert into inspection_checklist_item (plan_id, ordinal, text) values (:p, :o, :t)")
                    .param("p", plan).param("o", i + 1).param("t", CHECKLIST.get(i)).update();
        }
        for (String code : TARGETS) {
            jdbc.sql("insert into inspection_target (plan_id, unit_id) select :p, id from unit where code = :c")
                    .param("p", plan).param("c", code).update();
        }
        jdbc.sql("""
                        insert into inspection_team_member (plan_id, official_id, role)
                        select :p, id, 'LEAD' from official where idp_username = 'inspector.lead'""")
                .param("p", plan).update();
        jdbc.sql("""
                        insert into inspection_team_member (plan_id, official_id, role)
                        select :p, id, 'MEMBER' from official where idp_username = 'inspector.hoa'""")
                .param("p", plan).update();
        for (String code : MEMBER_UNITS.subList(1, MEMBER_UNITS.size())) {
            jdbc.sql("""
                            insert into inspection_team_member (plan_id, official_id, role)
                            select :p, o.id, 'MEMBER' from official o join unit u on u.id = o.unit_id
                            where u.code = :c order by o.id limit 1""")
                    .param("p", plan).param("c", code).update();
        }
        selfReports(jdbc, plan);
        return true;
    }

    /**
     * The Department of Health submitted its self-inspection report on time; Quy Hop's is still a
     * draft; the other two units have not opened theirs.
     */
    private static void selfReports(JdbcClient jdbc, long plan) {
        long health = report(jdbc, plan, "NA-SYT", "SUBMITTED", 46, 9, 37, 6, 3,
                "Đề nghị Bộ Y tế sớm ban hành hướng dẫn liên thông thủ tục cấp chứng chỉ hành nghề trên Cổng dịch vụ công quốc gia; "
                        + "bổ sung biên chế cho Bộ phận Một cửa của Sở.",
                "2024-01-12T09:30:00+07");
        difficulty(jdbc, health, 1, "POLICY_MECHANISM",
                "Quy định về thành phần hồ sơ cấp chứng chỉ hành nghề khám bệnh, chữa bệnh thay đổi nhiều lần trong kỳ");
        difficulty(jdbc, health, 2, "HUMAN_RESOURCES", "Bộ phận Một cửa chỉ có 2 công chức tiếp nhận cho toàn bộ lĩnh vực y tế và dược");
        difficulty(jdbc, health, 3, "INFRASTRUCTURE", "Phần mềm một cửa điện tử chưa kết nối với hệ thống cấp phép của Bộ Y tế");
        simplification(jdbc, health, "NA-SYT", 1, "Bỏ yêu cầu nộp bản sao chứng thực văn bằng đã có trong cơ sở dữ liệu ngành");
        long quyHop = report(jdbc, plan, "NA-QUYHOP", "DRAFT", 18, 4, 14, 0, 0, null, null);
        difficulty(jdbc, quyHop, 1, "FINANCE", "Kinh phí số hóa hồ sơ đất đai chưa được bố trí đủ");
    }

    private static long report(JdbcClient jdbc, long plan, String unit, String status, int reviewed, int expired, int inForce,
                               int amend, int abolish, String proposals, String submittedAt) {
        return jdbc.sql("""
                        insert into self_inspection_report (plan_id, unit_id, status, legal_reviewed, legal_expired, legal_in_force,
                            legal_amend, legal_abolish, proposals, submitted_at, submitted_late, created_at)
                        select :p, u.id, :status, :reviewed, :expired, :inForce, :amend, :abolish, :proposals,
                            cast(:submittedAt as timestamptz), false, timestamptz '2023-12-20T08:00:00+07'
                        from unit u where u.code = :unit
                        returning id""")
                .param("p", plan).param("unit", unit).param("status", status).param("reviewed", reviewed).param("expired", expired)
                .param("inForce", inForce).param("amend", amend).param("abolish", abolish).param("proposals", proposals)
                .param("submittedAt", submittedAt).query(Long.class).single();
    }

    private static void difficulty(JdbcClient jdbc, long report, int ordinal, String category, String description) {
        jdbc.sql("insert into self_report_difficulty (report_id, ordinal, category, description) values (:r, :o, :c, :d)")
                .param("r", report).param("o", ordinal).param("c", category).param("d", description).update();
    }

    /** A proposal about the unit's first procedure in the catalogue. */
    private static void simplification(JdbcClient jdbc, long report, String unit, int ordinal, String proposal) {
        jdbc.sql("""
                        insert into self_report_simplification (report_id, ordinal, procedure_id, proposal)
                        select :r, :o, p.id, :t from procedure p join unit u on u.id = p.unit_id
                        where u.code = :unit order by p.id limit 1""")
                .param("r", report).param("o", ordinal).param("unit", unit).param("t", proposal).update();
    }
}
