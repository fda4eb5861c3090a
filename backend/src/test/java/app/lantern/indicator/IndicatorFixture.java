package app.lantern.indicator;

import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small province branch written straight into the tables, apart from the demo data: unit FX-TEST
 * (a department) with communes FX-A and FX-B, five procedures, seven dossiers and six feedback items
 * around 2023 whose indicator figures are worked out by hand in {@link IndicatorFixtureIT}. {@link #remove()} takes
 * it all out again, so other tests see the demo province only.
 */
final class IndicatorFixture {

    final JdbcClient jdbc;
    long fx;
    long fxA;
    long fxB;
    long o1;
    long o2;
    final Map<String, Long> procedures = new LinkedHashMap<>();
    final Map<String, Long> steps = new LinkedHashMap<>();
    final Map<String, Long> dossiers = new LinkedHashMap<>();

    IndicatorFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String fxId() {
        return NodeId.encode("Unit", fx);
    }

    String fxAId() {
        return NodeId.encode("Unit", fxA);
    }

    private long unit(String code, String level, Long parent, String parentPath) {
        long id = jdbc.sql("insert into unit (code, name, level, parent_id, path, one_stop_shop) values (:code, :name, :level, :parent, '/', true)"
                        + " returning id")
                .param("code", code).param("name", "Đơn vị kiểm thử " + code).param("level", level).param("parent", parent)
                .query(Long.class).single();
        jdbc.sql("update unit set path = :path where id = :id").param("path", parentPath + id + "/").param("id", id).update();
        return id;
    }

    private String path(long id) {
        return jdbc.sql("select path from unit where id = :id").param("id", id).query(String.class).single();
    }

    private void procedure(String code, long unit, long fee, String online, boolean published, String review, String effective,
                           String announced, String publishedOn, boolean fullContent, boolean payment, boolean portal,
                           boolean population) {
        long id = jdbc.sql("""
                        insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days, fee,
                            online_level, published, review_state, effective_on, announced_on, published_on, full_content_published,
                            online_payment_enabled, portal_payment_configured, population_db_connected)
                        values (:unit, :code, :name, 'JUSTICE', 'PROVINCE', 5, :fee, :online, :published, :review, :effective,
                            :announced, :publishedOn, :full, :payment, :portal, :population) returning id""")
                .param("unit", unit).param("code", code).param("name", "Thủ tục kiểm thử " + code).param("fee", fee)
                .param("online", online).param("published", published).param("review", review)
                .param("effective", date(effective)).param("announced", date(announced)).param("publishedOn", date(publishedOn))
                .param("full", fullContent).param("payment", payment).param("portal", portal).param("population", population)
                .query(Long.class).single();
        procedures.put(code, id);
        steps.put(code, jdbc.sql("insert into procedure_step (procedure_id, ordinal, name, allowance_days, responsible_unit_id)"
                        + " values (:p, 1, 'Thẩm định', 5, :unit) returning id")
                .param("p", id).param("unit", unit).query(Long.class).single());
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static OffsetDateTime at(String isoDate) {
        return isoDate == null ? null : OffsetDateTime.parse(isoDate + "T10:00:00+07:00");
    }

    /** A dossier with the given facts; status decides which of resolved/closed apply. */
    long dossier(String code, long unit, String procedure, String channel, String received, String due, String status,
                 String resolved, boolean late, boolean paid, boolean synced, boolean digitised, boolean digitisedResult,
                 boolean resultSynced, Integer satisfaction, boolean copy, boolean copyElectronic, boolean reused, boolean population) {
        boolean open = List.of("RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED").contains(status);
        String closed = open ? null : resolved != null ? resolved : received;
        long id = jdbc.sql("""
                        insert into dossier (receipt_code, procedure_id, unit_id, applicant_kind, applicant_name, channel, received_at,
                            due_date, status, resolved_at, returned_at, closed_at, late, online_payment, digitised_dossier,
                            digitised_result, satisfaction, reject_category, reject_reason, clock_started_on,
                            synced_to_national_portal, certified_copy_requested, certified_copy_electronic, reused_digitised_data,
                            used_population_data, result_synced_to_citizen_store)
                        values (:code, :procedure, :unit, 'PERSON', 'Người nộp ' || :code, :channel, :received, :due, :status,
                            :resolved, :returned, :closed, :late, :paid, :digitised, :digitisedResult, :satisfaction,
                            :rejectCategory, :rejectReason, :clock, :synced, :copy, :copyElectronic, :reused, :population, :resultSynced)
                        returning id""")
                .param("code", code).param("procedure", procedures.get(procedure)).param("unit", unit).param("channel", channel)
                .param("received", at(received)).param("due", LocalDate.parse(due)).param("status", status)
                .param("resolved", List.of("RESOLVED", "RETURNED").contains(status) ? at(resolved) : null).param("returned", "RETURNED".equals(status) ? at(resolved) : null)
                .param("closed", at(closed)).param("late", late).param("paid", paid).param("digitised", digitised)
                .param("digitisedResult", digitisedResult).param("satisfaction", satisfaction)
                .param("rejectCategory", "REJECTED".equals(status) ? "OTHER" : null)
                .param("rejectReason", "REJECTED".equals(status) ? "Hồ sơ không hợp lệ" : null)
                .param("clock", LocalDate.parse(received)).param("synced", synced).param("copy", copy)
                .param("copyElectronic", copyElectronic).param("reused", reused).param("population", population)
                .param("resultSynced", resultSynced)
                .query(Long.class).single();
        dossiers.put(code, id);
        return id;
    }

    void overrun(String dossier, String procedure, long unit, Long official, String leftOn, int daysOver) {
        jdbc.sql("""
                        insert into dossier_step_overrun (dossier_id, step_id, unit_id, official_id, entered_at, left_at, allowance_days,
                            days_used, days_over)
                        values (:dossier, :step, :unit, :official, :left - interval '10 days', :left, 5, 5 + :over, :over)""")
                .param("dossier", dossiers.get(dossier)).param("step", steps.get(procedure)).param("unit", unit)
                .param("official", official).param("left", at(leftOn)).param("over", daysOver).update();
    }

    /** A feedback item; times are Vietnam local time ("yyyy-MM-ddTHH:mm"), answer and rating optional. */
    void feedback(String code, long unit, String submitted, String due, String answered, Integer rating) {
        jdbc.sql("""
                        insert into feedback (code, secret_hash, kind, unit_id, message, sender_name, sender_phone, submitted_at,
                            answer_due_date, answer, answered_at, answered_by, rating, rated_at)
                        values (:code, 'fixture', 'FEEDBACK', :unit, 'Phản ánh kiểm thử ' || :code, 'Người gửi ' || :code, '0900000000',
                            :submitted, :due, case when :answered::timestamptz is null then null else 'Trả lời kiểm thử cụ thể cho ' || :code end,
                            :answered::timestamptz, case when :answered::timestamptz is null then null else 'fixture' end,
                            :rating, case when :rating::smallint is null then null else :answered::timestamptz + interval '1 day' end)""")
                .param("code", code).param("unit", unit).param("submitted", local(submitted)).param("due", LocalDate.parse(due))
                .param("answered", answered == null ? null : local(answered)).param("rating", rating).update();
    }

    private static OffsetDateTime local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(WorkingDays.ZONE).toOffsetDateTime();
    }

    IndicatorFixture create() {
        long root = jdbc.sql("select id from unit where code = 'NA'").query(Long.class).single();
        fx = unit("FX-TEST", "DEPARTMENT", root, path(root));
        fxA = unit("FX-A", "COMMUNE", fx, path(fx));
        fxB = unit("FX-B", "COMMUNE", fx, path(fx));
        o1 = jdbc.sql("insert into official (unit_id, full_name, position) values (:u, 'Nguyễn Văn Một', 'Chuyên viên') returning id")
                .param("u", fx).query(Long.class).single();
        o2 = jdbc.sql("insert into official (unit_id, full_name, position) values (:u, 'Trần Thị Hai', 'Công chức Tư pháp') returning id")
                .param("u", fxA).query(Long.class).single();
        //        code      unit  fee    online     publ.  review       effective     announced     published     full   pay    portal pop
        procedure("FX.P1", fx, 50_000, "FULL", true, "IN_FORCE", "2023-03-10", "2023-03-01", "2023-03-05", true, true, true, true);
        procedure("FX.P2", fx, 0, "OFFLINE", true, "IN_FORCE", "2023-05-01", "2023-05-10", "2023-05-25", false, false, false, false);
        procedure("FX.P3", fx, 20_000, "PARTIAL", false, "IN_FORCE", "2022-01-01", "2021-12-20", null, false, false, false, true);
        procedure("FX.P4", fx, 10_000, "FULL", true, "ABOLISHED", "2020-01-01", "2019-12-01", "2019-12-02", true, true, true, true);
        procedure("FX.P5", fxA, 0, "FULL", true, "IN_FORCE", "2023-07-01", "2023-06-20", "2023-06-22", true, false, false, false);
        //      code     unit proc     channel   received      due           status       resolved      late   paid   sync   digit  eres   rsync  sat copy  ecopy  reuse  pop
        dossier("FX-D1", fx, "FX.P1", "ONLINE", "2023-02-10", "2023-02-20", "RETURNED", "2023-02-15", false, true, true, true, true, true, 5, true, true, true, true);
        dossier("FX-D2", fx, "FX.P1", "DIRECT", "2023-03-01", "2023-03-10", "RESOLVED", "2023-03-15", true, false, true, false, false, false, 3, true, false, false, true);
        dossier("FX-D3", fx, "FX.P2", "DIRECT", "2023-04-03", "2023-04-20", "REJECTED", "2023-04-05", false, false, false, true, false, false, null, false, false, false, false);
        dossier("FX-D4", fxA, "FX.P5", "POSTAL", "2023-12-28", "2024-01-10", "PROCESSING", null, false, false, true, false, false, false, null, false, false, true, false);
        dossier("FX-D5", fxA, "FX.P5", "DIRECT", "2022-12-20", "2023-01-05", "RETURNED", "2023-01-04", false, false, false, false, true, false, 4, false, false, false, false);
        dossier("FX-D6", fx, "FX.P2", "DIRECT", "2023-11-20", "2023-12-05", "PROCESSING", null, false, false, false, false, false, false, null, false, false, false, false);
        dossier("FX-D7", fx, "FX.P1", "DIRECT", "2023-06-01", "2023-06-10", "WITHDRAWN", "2023-06-02", false, false, false, false, false, false, null, false, false, false, false);
        // March 2023 overruns: Một twice on D2 (3 + 1 days), Hai once (2 days), one without an official (unattributed); D6's
        // ended in April (entered 23 March: running over its allowance at March's end)
        overrun("FX-D2", "FX.P1", fx, o1, "2023-03-14", 3);
        overrun("FX-D2", "FX.P1", fx, o1, "2023-03-15", 1);
        overrun("FX-D2", "FX.P5", fxA, o2, "2023-03-10", 2);
        overrun("FX-D2", "FX.P1", fx, null, "2023-03-20", 4);
        overrun("FX-D6", "FX.P2", fx, o1, "2023-04-02", 6);
        // feedback (Vietnam time): answered on time and rated 5; answered late and rated 2; never answered; answered at 00:30
        // the day after its deadline (still the deadline in UTC: late); received 2022 and answered 2023 rated 4; received
        // 2024-01-01 00:30 (still 2023 in UTC: not 2023's)
        //       code       unit  submitted           due           answered            rating
        feedback("FX-FB1", fx, "2023-03-01T10:00", "2023-03-15", "2023-03-10T15:00", 5);
        feedback("FX-FB2", fx, "2023-05-02T09:00", "2023-05-16", "2023-05-20T09:00", 2);
        feedback("FX-FB3", fx, "2023-06-05T14:00", "2023-06-19", null, null);
        feedback("FX-FB4", fx, "2023-08-01T08:00", "2023-08-15", "2023-08-16T00:30", null);
        feedback("FX-FB5", fxA, "2022-12-26T16:00", "2023-01-09", "2023-01-05T11:00", 4);
        feedback("FX-FB6", fxA, "2024-01-01T00:30", "2024-01-15", null, null);
        return this;
    }

    void remove() {
        List<Long> units = jdbc.sql("select id from unit where code in ('FX-TEST', 'FX-A', 'FX-B')").query(Long.class).list();
        if (units.isEmpty()) {
            return;
        }
        Long[] ids = units.toArray(Long[]::new);
        jdbc.sql("delete from feedback where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from delay_list_entry where list_id in (select id from delay_list where unit_id = any(:u))").param("u", ids).update();
        jdbc.sql("delete from delay_list where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from dossier_step_overrun where dossier_id in (select id from dossier where unit_id = any(:u))").param("u", ids).update();
        jdbc.sql("delete from dossier_event where dossier_id in (select id from dossier where unit_id = any(:u))").param("u", ids).update();
        jdbc.sql("delete from dossier where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from indicator_monthly where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from indicator_monthly_unit where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from procedure_step where procedure_id in (select id from procedure where unit_id = any(:u))").param("u", ids).update();
        jdbc.sql("delete from procedure where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from official where unit_id = any(:u)").param("u", ids).update();
        jdbc.sql("update unit set parent_id = null where id = any(:u)").param("u", ids).update();
        jdbc.sql("delete from unit where id = any(:u)").param("u", ids).update();
    }
}
