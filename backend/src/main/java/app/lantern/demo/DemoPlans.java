package app.lantern.demo;

import app.lantern.inspection.finding.ConclusionRecorder;
import app.lantern.inspection.selfreport.SubmissionRecorder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    static boolean load(JdbcClient jdbc, SubmissionRecorder submissions) {
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
        selfReports(jdbc, plan, submissions);
        return true;
    }

    /**
     * The Department of Health submitted its self-inspection report on time (its submission frozen
     * like any other); Quy Hop's is still a draft; the other two units have not opened theirs.
     */
    private static void selfReports(JdbcClient jdbc, long plan, SubmissionRecorder submissions) {
        long health = report(jdbc, plan, "NA-SYT", "SUBMITTED", 46, 9, 37, 6, 3,
                "Đề nghị Bộ Y tế sớm ban hành hướng dẫn liên thông thủ tục cấp chứng chỉ hành nghề trên Cổng dịch vụ công quốc gia; "
                        + "bổ sung biên chế cho Bộ phận Một cửa của Sở.",
                "2024-01-12T09:30:00+07");
        difficulty(jdbc, health, 1, "POLICY_MECHANISM",
                "Quy định về thành phần hồ sơ cấp chứng chỉ hành nghề khám bệnh, chữa bệnh thay đổi nhiều lần trong kỳ");
        difficulty(jdbc, health, 2, "HUMAN_RESOURCES", "Bộ phận Một cửa chỉ có 2 công chức tiếp nhận cho toàn bộ lĩnh vực y tế và dược");
        difficulty(jdbc, health, 3, "INFRASTRUCTURE", "Phần mềm một cửa điện tử chưa kết nối với hệ thống cấp phép của Bộ Y tế");
        simplification(jdbc, health, "NA-SYT", 1, "Bỏ yêu cầu nộp bản sao chứng thực văn bằng đã có trong cơ sở dữ liệu ngành");
        submissions.record(health, "head.na-syt", Instant.parse("2024-01-12T02:30:00Z"), false);
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

    // ---------------------------------------------------------------- findings and a plan in follow-up

    /** The concluded plan in follow-up: Sở Y tế and Sở Tài nguyên và Môi trường, inspected in 2025. */
    static final String FOLLOW_UP_NUMBER = "418/KH-TTT";
    static final List<String> FOLLOW_UP_TARGETS = List.of("NA-SYT", "NA-STNMT");

    /** A demo finding: where, what, by when, how far its follow-up went, and the dossier or procedure behind it. */
    private record DemoFinding(String unit, String category, String severity, String description, String recommendation,
                               LocalDate deadline, String evidenceKind, String evidenceCondition, String evidenceNote,
                               List<String> followUp) {
    }

    private static final List<DemoFinding> PLAN_2960_FINDINGS = List.of(
            new DemoFinding("NA-QUYHOP", "LATE_HANDLING", "MODERATE",
                    "Nhiều hồ sơ đất đai tại huyện Quỳ Hợp được giải quyết quá hạn so với thời hạn quy định.",
                    "Rà soát quy trình nội bộ, phân công lại công chức và báo cáo kết quả khắc phục.",
                    LocalDate.of(2027, 3, 31), "DOSSIER", "d.late", "Hồ sơ giải quyết quá hạn", List.of()),
            new DemoFinding("NA-SYT", "MISSING_APOLOGY", "MINOR",
                    "Hồ sơ quá hạn tại Sở Y tế không có văn bản xin lỗi người dân.",
                    "Ban hành văn bản xin lỗi đối với các hồ sơ quá hạn và chấn chỉnh bộ phận một cửa.",
                    LocalDate.of(2027, 3, 31), "DOSSIER", "d.late and d.apology_issued_at is null", "Quá hạn, không có văn bản xin lỗi",
                    List.of()));

    private static final List<DemoFinding> FOLLOW_UP_FINDINGS = List.of(
            new DemoFinding("NA-SYT", "LATE_HANDLING", "MODERATE",
                    "Tỷ lệ hồ sơ cấp chứng chỉ hành nghề giải quyết quá hạn cao trong năm 2024.",
                    "Rà soát quy trình nội bộ và bổ sung nhân lực cho bộ phận thẩm định.",
                    LocalDate.of(2025, 9, 30), "DOSSIER", "d.late", "Hồ sơ giải quyết quá hạn",
                    List.of("PLAN:Sở sẽ rà soát quy trình thẩm định và bổ sung hai công chức trong quý IV năm 2025.")),
            new DemoFinding("NA-SYT", "MISSING_APOLOGY", "MINOR",
                    "Một số hồ sơ quá hạn không có văn bản xin lỗi người dân.",
                    "Ban hành văn bản xin lỗi đối với toàn bộ hồ sơ quá hạn.",
                    LocalDate.of(2027, 3, 31), "DOSSIER", "d.late and d.apology_issued_at is null", "Quá hạn, không có văn bản xin lỗi",
                    List.of()),
            new DemoFinding("NA-SYT", "DIGITISATION_GAP", "MODERATE",
                    "Hồ sơ, kết quả giải quyết chưa được số hóa đầy đủ.",
                    "Số hóa toàn bộ hồ sơ và kết quả giải quyết theo quy định.",
                    LocalDate.of(2027, 6, 30), "DOSSIER", "not d.digitised_dossier", "Hồ sơ chưa được số hóa",
                    List.of("PLAN:Sở lập kế hoạch số hóa hồ sơ tồn đọng theo từng lĩnh vực.",
                            "PROGRESS:Đã số hóa xong hồ sơ lĩnh vực dược và khám chữa bệnh.",
                            "DONE:Đã hoàn thành số hóa toàn bộ hồ sơ tồn đọng năm 2024.")),
            new DemoFinding("NA-SYT", "UNPUBLISHED_OR_OUTDATED_PROCEDURE", "MINOR",
                    "Thủ tục hành chính niêm yết tại bộ phận một cửa chưa được cập nhật.",
                    "Cập nhật, niêm yết đầy đủ thủ tục hành chính đang có hiệu lực.",
                    LocalDate.of(2025, 12, 31), "PROCEDURE", "not p.published", "Thủ tục chưa công khai",
                    List.of("PLAN:Sở rà soát và niêm yết lại toàn bộ thủ tục trong tháng 8 năm 2025.",
                            "DONE:Đã niêm yết lại toàn bộ thủ tục tại bộ phận một cửa.",
                            "VERIFIED:Đoàn đã kiểm tra trực tiếp tại bộ phận một cửa, việc niêm yết đầy đủ.")),
            new DemoFinding("NA-STNMT", "REFUSAL_WITHOUT_VALID_REASON", "SERIOUS",
                    "Một số hồ sơ đất đai bị từ chối không nêu rõ lý do theo quy định.",
                    "Rà soát các hồ sơ bị từ chối, trả lời người dân bằng văn bản nêu rõ lý do.",
                    LocalDate.of(2027, 1, 31), "DOSSIER", "d.status = 'REJECTED'", "Hồ sơ bị từ chối",
                    List.of()),
            new DemoFinding("NA-STNMT", "ONLINE_SERVICE_GAP", "MINOR",
                    "Một số thủ tục đủ điều kiện chưa được cung cấp trực tuyến toàn trình.",
                    "Cung cấp các thủ tục đủ điều kiện dưới dạng dịch vụ công trực tuyến toàn trình.",
                    LocalDate.of(2026, 6, 30), "PROCEDURE", "p.online_level <> 'FULL'", "Thủ tục chưa trực tuyến toàn trình",
                    List.of("PLAN:Sở đề nghị nâng cấp hệ thống trong năm 2026.",
                            "WAIVED:Thủ tục đã được chuyển giao cho cấp xã theo quyết định phân cấp mới.")));

    /**
     * Adds two findings to plan 2960 and plan 418/KH-TTT in follow-up with its conclusion and six
     * findings in every recommendation state (one overdue), unless done before; the caller holds
     * the demo lock and the transaction. Evidence is chosen by fixed rules from the generated
     * dossiers, so the same seed gives the same data.
     */
    static boolean loadFindings(JdbcClient jdbc, ConclusionRecorder conclusions) {
        if (jdbc.sql("select count(*) from inspection_plan where number = :n").param("n", FOLLOW_UP_NUMBER).query(Long.class).single() > 0) {
            return false;
        }
        Long plan2960 = jdbc.sql("select id from inspection_plan where number = :n").param("n", NUMBER).query(Long.class).optional().orElse(null);
        if (plan2960 != null && jdbc.sql("select count(*) from finding where plan_id = :p").param("p", plan2960).query(Long.class).single() == 0) {
            for (DemoFinding f : PLAN_2960_FINDINGS) {
                finding(jdbc, plan2960, f, LocalDate.of(2021, 7, 15), LocalDate.of(2023, 11, 30), time(2024, 3, 12));
            }
        }
        long plan = jdbc.sql("""
                        insert into inspection_plan (number, title, issuing_authority, issue_date, period_from, period_to,
                            self_report_due, fieldwork_from, fieldwork_to, conclusion_due, status, created_by)
                        values (:number, :title, 'Thanh tra tỉnh Nghệ An', :issueDate, :periodFrom, :periodTo, :selfReportDue,
                            :fieldworkFrom, :fieldworkTo, :conclusionDue, 'CONCLUDED', 'demo')
                        returning id""")
                .param("number", FOLLOW_UP_NUMBER)
                .param("title", "Thanh tra việc giải quyết thủ tục hành chính tại Sở Y tế và Sở Tài nguyên và Môi trường năm 2024")
                .param("issueDate", LocalDate.of(2025, 3, 10))
                .param("periodFrom", LocalDate.of(2024, 1, 1))
                .param("periodTo", LocalDate.of(2024, 12, 31))
                .param("selfReportDue", LocalDate.of(2025, 4, 4))
                .param("fieldworkFrom", LocalDate.of(2025, 4, 14))
                .param("fieldworkTo", LocalDate.of(2025, 5, 23))
                .param("conclusionDue", LocalDate.of(2025, 6, 30))
                .query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into inspection_checklist_item (plan_id, ordinal, text) values (:p, :o, :t)")
                    .param("p", plan).param("o", i + 1).param("t", CHECKLIST.get(i + 5)).update();
        }
        for (String code : FOLLOW_UP_TARGETS) {
            jdbc.sql("insert into inspection_target (plan_id, unit_id) select :p, id from unit where code = :c")
                    .param("p", plan).param("c", code).update();
        }
        jdbc.sql("""
                        insert into inspection_team_member (plan_id, official_id, role)
                        select :p, id, case idp_username when 'inspector.lead' then 'LEAD' else 'MEMBER' end
                        from official where idp_username in ('inspector.lead', 'inspector.hoa')""")
                .param("p", plan).update();
        for (DemoFinding f : FOLLOW_UP_FINDINGS) {
            finding(jdbc, plan, f, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), time(2025, 5, 20));
        }
        String lead = jdbc.sql("select full_name from official where idp_username = 'inspector.lead'").query(String.class).single();
        conclusions.record(plan, "Sở Y tế và Sở Tài nguyên và Môi trường cơ bản thực hiện đúng quy định về giải quyết thủ tục hành chính;"
                + " còn tồn tại hồ sơ quá hạn, hồ sơ chưa số hóa và thủ tục chưa công khai đầy đủ. Yêu cầu khắc phục theo các kiến nghị.",
                "inspector.lead", lead, time(2025, 6, 27).toInstant());
        jdbc.sql("update inspection_plan set status = 'FOLLOW_UP', version = version + 2 where id = :p").param("p", plan).update();
        return true;
    }

    private static void finding(JdbcClient jdbc, long plan, DemoFinding f, LocalDate periodFrom, LocalDate periodTo, OffsetDateTime at) {
        String status = "OPEN";
        for (String entry : f.followUp()) {
            status = switch (entry.substring(0, entry.indexOf(':'))) {
                case "PLAN", "PROGRESS" -> "IN_REMEDIATION";
                case "DONE" -> "REPORTED_DONE";
                case "VERIFIED" -> "VERIFIED";
                default -> "WAIVED";
            };
        }
        long finding = jdbc.sql("""
                        insert into finding (plan_id, number, unit_id, category, severity, description, recommendation,
                            remediation_deadline, recommendation_status, recorded_by_username, recorded_by, recorded_at, version)
                        select :plan, (select coalesce(max(number), 0) + 1 from finding where plan_id = :plan), u.id, :category,
                            :severity, :description, :recommendation, :deadline, :status, 'inspector.hoa', o.full_name, :at, :version
                        from unit u, official o where u.code = :unit and o.idp_username = 'inspector.hoa'
                        returning id""")
                .param("plan", plan).param("unit", f.unit()).param("category", f.category()).param("severity", f.severity())
                .param("description", f.description()).param("recommendation", f.recommendation()).param("deadline", f.deadline())
                .param("status", status).param("at", at).param("version", f.followUp().size())
                .query(Long.class).single();
        // the first matching dossier of the unit's subtree received in the period, or of the procedure catalogue
        String evidence = "DOSSIER".equals(f.evidenceKind()) ? """
                        insert into finding_evidence (finding_id, ordinal, kind, dossier_id, note)
                        select :finding, 1, 'DOSSIER', d.id, :note from dossier d join unit du on du.id = d.unit_id
                        join unit u on u.code = :unit where du.path like u.path || '%%'
                        order by (%s and d.received_at >= :from and d.received_at < :to) desc, (%s) desc, d.id limit 1"""
                .formatted(f.evidenceCondition(), f.evidenceCondition()) : """
                        insert into finding_evidence (finding_id, ordinal, kind, procedure_id, note)
                        select :finding, 1, 'PROCEDURE', p.id, :note from procedure p join unit u on u.id = p.unit_id
                        where u.code = :unit order by (%s) desc, p.id limit 1""".formatted(f.evidenceCondition());
        jdbc.sql(evidence).param("finding", finding).param("note", f.evidenceNote()).param("unit", f.unit())
                .param("from", periodFrom.atStartOfDay().atOffset(ZoneOffset.ofHours(7)))
                .param("to", periodTo.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7))).update();
        jdbc.sql("""
                        insert into finding_official (finding_id, official_id)
                        select :finding, o.id from official o join unit u on u.id = o.unit_id
                        where u.code = :unit and o.idp_username is null order by o.id limit 1""")
                .param("finding", finding).param("unit", f.unit()).update();
        OffsetDateTime when = at;
        for (String entry : f.followUp()) {
            String kind = entry.substring(0, entry.indexOf(':'));
            boolean team = kind.equals("VERIFIED") || kind.equals("WAIVED");
            when = when.plusDays(kind.equals("PLAN") ? 45 : 30);
            jdbc.sql("""
                            insert into finding_follow_up (finding_id, kind, text, by_username, by_name, at)
                            select :finding, :kind, :text, o.idp_username, o.full_name, :at from official o where o.idp_username = :by""")
                    .param("finding", finding).param("kind", kind).param("text", entry.substring(entry.indexOf(':') + 1))
                    .param("by", team ? "inspector.lead" : "head." + f.unit().substring(3).toLowerCase(java.util.Locale.ROOT))
                    .param("at", when).update();
        }
    }

    private static OffsetDateTime time(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    }
}
