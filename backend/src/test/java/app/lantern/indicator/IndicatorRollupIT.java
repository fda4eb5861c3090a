package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly rollup the scorecard reads (the fast path) equals the same counts computed plainly
 * over the dossier table, written here apart from the application's SQL: after the demo load, and
 * after new receipts and transitions through the API.
 */
class IndicatorRollupIT extends ApiTestBase {

    private static final String[] COLUMNS = {"received", "received_online", "received_fee", "paid_online", "synced_portal",
        "digitised", "cert_requested", "cert_electronic", "reused_data", "population_data", "resolved", "resolved_electronic",
        "result_synced", "rated", "rated_satisfied", "due", "due_on_time"};

    @Autowired
    JdbcClient jdbc;

    /** The rollup's rows with anything in them, by month/unit/procedure. */
    private Map<String, List<Long>> rollup() {
        return rollup("indicator_monthly");
    }

    /** The per-unit rollup's rows with anything in them, by month/unit. */
    private Map<String, List<Long>> unitRollup() {
        return rollup("indicator_monthly_unit");
    }

    private Map<String, List<Long>> rollup(String table) {
        Map<String, List<Long>> rows = new TreeMap<>();
        boolean perProcedure = table.equals("indicator_monthly");
        jdbc.sql("select * from " + table).query((rs, n) -> {
            List<Long> values = new java.util.ArrayList<>();
            boolean any = false;
            for (String column : COLUMNS) {
                values.add(rs.getLong(column));
                any |= rs.getLong(column) != 0;
            }
            if (any) {
                rows.put(rs.getObject("month", LocalDate.class) + "/" + rs.getLong("unit_id")
                        + (perProcedure ? "/" + rs.getLong("procedure_id") : ""), values);
            }
            return null;
        }).list();
        return rows;
    }

    private void add(Map<String, long[]> rows, String sql, int... slots) {
        jdbc.sql(sql).query((rs, n) -> {
            long[] values = rows.computeIfAbsent(rs.getObject(1, LocalDate.class) + "/" + rs.getLong(2) + "/" + rs.getLong(3),
                    k -> new long[COLUMNS.length]);
            for (int i = 0; i < slots.length; i++) {
                values[slots[i]] += rs.getLong(4 + i);
            }
            return null;
        }).list();
    }

    /** The same counts straight from the dossiers. */
    private Map<String, List<Long>> plain() {
        Map<String, long[]> rows = new HashMap<>();
        String received = "date_trunc('month', d.received_at at time zone 'Asia/Ho_Chi_Minh')::date";
        add(rows, "select " + received + ", d.unit_id, d.procedure_id, count(*), count(*) filter (where d.channel = 'ONLINE'),"
                        + " count(*) filter (where d.fee_amount > 0), count(*) filter (where d.fee_amount > 0 and d.online_payment),"
                        + " count(*) filter (where d.synced_to_national_portal), count(*) filter (where d.digitised_dossier),"
                        + " count(*) filter (where d.certified_copy_requested),"
                        + " count(*) filter (where d.certified_copy_requested and d.certified_copy_electronic),"
                        + " count(*) filter (where d.reused_digitised_data), count(*) filter (where d.used_population_data)"
                        + " from dossier d group by 1, 2, 3",
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        add(rows, "select date_trunc('month', d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date, d.unit_id, d.procedure_id, count(*),"
                        + " count(*) filter (where d.digitised_result), count(*) filter (where d.result_synced_to_citizen_store),"
                        + " count(d.satisfaction), count(*) filter (where d.satisfaction in (4, 5))"
                        + " from dossier d where d.status in ('RESOLVED', 'RETURNED') group by 1, 2, 3",
                10, 11, 12, 13, 14);
        add(rows, "select date_trunc('month', d.due_date)::date, d.unit_id, d.procedure_id, count(*),"
                        + " count(*) filter (where d.resolved_at is not null and d.status in ('RESOLVED', 'RETURNED') and d.late = false)"
                        + " from dossier d where d.status not in ('REJECTED', 'WITHDRAWN') group by 1, 2, 3",
                15, 16);
        Map<String, List<Long>> result = new TreeMap<>();
        rows.forEach((key, values) -> result.put(key, java.util.Arrays.stream(values).boxed().toList()));
        return result;
    }

    /** The plain counts summed over procedures, by month/unit. */
    private Map<String, List<Long>> plainPerUnit() {
        Map<String, long[]> sums = new HashMap<>();
        plain().forEach((key, values) -> {
            long[] total = sums.computeIfAbsent(key.substring(0, key.lastIndexOf('/')), k -> new long[COLUMNS.length]);
            for (int i = 0; i < total.length; i++) {
                total[i] += values.get(i);
            }
        });
        Map<String, List<Long>> result = new TreeMap<>();
        sums.forEach((key, values) -> result.put(key, java.util.Arrays.stream(values).boxed().toList()));
        return result;
    }

    private HttpGraphQlTester headSyt() {
        return unitHead("NA-SYT");
    }

    private record Ref(String id, int version) {
    }

    private Ref step(String mutation, Ref ref, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("dossierId", ref.id());
        input.put("version", ref.version());
        GraphQlTester.Response r = headSyt().documentName(mutation).variable("input", input).execute();
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return new Ref(r.path(mutation + ".dossier.id").entity(String.class).get(),
                r.path(mutation + ".dossier.version").entity(Integer.class).get());
    }

    private Ref receive(Map<String, Object> facts) {
        long procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' and p.fee > 0 order by p.id limit 1").query(Long.class).single();
        Map<String, Object> input = new HashMap<>(Map.of("procedureId", NodeId.encode("Procedure", procedure), "applicantKind", "PERSON",
                "applicantName", "Lê Văn Chỉ Số", "channel", "ONLINE", "onlinePayment", true));
        input.putAll(facts);
        GraphQlTester.Response r = headSyt().documentName("dossierReceiveFacts").variable("input", input).execute();
        r.path("dossierReceive.userErrors").entityList(Object.class).hasSize(0);
        return new Ref(r.path("dossierReceive.dossier.id").entity(String.class).get(),
                r.path("dossierReceive.dossier.version").entity(Integer.class).get());
    }

    private Map<String, Map<String, Object>> thisMonth(String unitCode) {
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        long unit = jdbc.sql("select id from unit where code = :c").param("c", unitCode).query(Long.class).single();
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", NodeId.encode("Unit", unit))
                .variable("period", Map.of("kind", "MONTH", "year", today.getYear(), "number", today.getMonthValue())).execute();
        r.errors().verify();
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        r.path("indicatorScorecard.groups[*].indicators[*]").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(i -> byCode.put((String) i.get("code"), i));
        return byCode;
    }

    private static long numerator(Map<String, Map<String, Object>> card, String code) {
        return ((Number) card.get(code).get("numerator")).longValue();
    }

    private static long denominator(Map<String, Map<String, Object>> card, String code) {
        return ((Number) card.get(code).get("denominator")).longValue();
    }

    @Test
    void theRollupEqualsPlainCountsAfterTheDemoLoadAndAfterTransitionsThroughTheApi() {
        Map<String, List<Long>> loaded = rollup();
        assertThat(loaded).as("the demo data fills the rollup").hasSizeGreaterThan(1000);
        assertThat(loaded).isEqualTo(plain());
        assertThat(unitRollup()).isEqualTo(plainPerUnit());

        Map<String, Map<String, Object>> before = thisMonth("NA-SYT");

        // received with every fact, then through to a rated, returned result with an electronic result
        Ref full = receive(Map.of("syncedToNationalPortal", true, "certifiedCopyRequested", true, "certifiedCopyElectronic", true,
                "reusedDigitisedData", true, "usedPopulationData", true, "digitisedDossier", true));
        full = step("dossierAdvance", full, Map.of());
        full = step("dossierResolve", full, Map.of("result", "QĐ 1/2026", "digitisedResult", true));
        full = step("dossierReturn", full, Map.of());
        step("dossierRate", full, Map.of("satisfaction", 5));
        // a supplement moves the due date; then the applicant withdraws
        Ref paused = receive(Map.of());
        paused = step("dossierAdvance", paused, Map.of());
        paused = step("dossierRequestSupplement", paused, Map.of("reason", "Thiếu giấy tờ"));
        paused = step("dossierResumeAfterSupplement", paused, Map.of());
        step("dossierWithdraw", paused, Map.of());
        // refused
        step("dossierReject", receive(Map.of("syncedToNationalPortal", true)), Map.of("category", "APPLICANT", "reason", "Sai đối tượng"));

        assertThat(rollup()).isEqualTo(plain());
        assertThat(unitRollup()).isEqualTo(plainPerUnit());

        Map<String, Map<String, Object>> after = thisMonth("NA-SYT");
        assertThat(denominator(after, "DOSSIERS_SYNCED_TO_PORTAL")).isEqualTo(denominator(before, "DOSSIERS_SYNCED_TO_PORTAL") + 3);
        assertThat(numerator(after, "DOSSIERS_SYNCED_TO_PORTAL")).isEqualTo(numerator(before, "DOSSIERS_SYNCED_TO_PORTAL") + 2);
        assertThat(numerator(after, "DOSSIERS_FILED_ONLINE")).isEqualTo(numerator(before, "DOSSIERS_FILED_ONLINE") + 3);
        assertThat(numerator(after, "DOSSIERS_PAID_ONLINE")).isEqualTo(numerator(before, "DOSSIERS_PAID_ONLINE") + 3);
        assertThat(numerator(after, "ELECTRONIC_CERTIFIED_COPIES")).isEqualTo(numerator(before, "ELECTRONIC_CERTIFIED_COPIES") + 1);
        assertThat(numerator(after, "ELECTRONIC_RESULTS")).isEqualTo(numerator(before, "ELECTRONIC_RESULTS") + 1);
        assertThat(numerator(after, "DOSSIER_SATISFACTION")).isEqualTo(numerator(before, "DOSSIER_SATISFACTION") + 1);

        // an electronic certified copy without a certified copy is refused, naming the field
        long procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' order by p.id limit 1").query(Long.class).single();
        headSyt().documentName("dossierReceiveFacts").variable("input", Map.of("procedureId", NodeId.encode("Procedure", procedure),
                        "applicantKind", "PERSON", "applicantName", "Lê Văn Chỉ Số", "channel", "DIRECT", "certifiedCopyElectronic", true))
                .execute().path("dossierReceive.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "certifiedCopyElectronic");
    }

    @Test
    void theProvinceScorecardForAYearEqualsPlainCountsOverTheDossiers() {
        long province = jdbc.sql("select id from unit where code = 'NA'").query(Long.class).single();
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", NodeId.encode("Unit", province))
                .variable("period", Map.of("kind", "YEAR", "year", 2022)).execute();
        r.errors().verify();
        Map<String, Map<String, Object>> card = new HashMap<>();
        r.path("indicatorScorecard.groups[*].indicators[*]").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(i -> card.put((String) i.get("code"), i));
        String year = "d.received_at >= timestamptz '2022-01-01T00:00:00+07' and d.received_at < timestamptz '2023-01-01T00:00:00+07'";
        String resolved = "d.status in ('RESOLVED', 'RETURNED') and d.resolved_at >= timestamptz '2022-01-01T00:00:00+07'"
                + " and d.resolved_at < timestamptz '2023-01-01T00:00:00+07'";
        String due = "d.status not in ('REJECTED', 'WITHDRAWN') and d.due_date between date '2022-01-01' and date '2022-12-31'";
        assertThat(denominator(card, "DOSSIERS_FILED_ONLINE")).isEqualTo(count(year)).isPositive();
        assertThat(numerator(card, "DOSSIERS_FILED_ONLINE")).isEqualTo(count(year + " and d.channel = 'ONLINE'")).isPositive();
        assertThat(numerator(card, "DOSSIERS_SYNCED_TO_PORTAL")).isEqualTo(count(year + " and d.synced_to_national_portal")).isPositive();
        assertThat(denominator(card, "ELECTRONIC_RESULTS")).isEqualTo(count(resolved)).isPositive();
        assertThat(numerator(card, "RESULTS_SYNCED_TO_CITIZEN_STORE")).isEqualTo(count(resolved + " and d.result_synced_to_citizen_store"))
                .isPositive();
        assertThat(denominator(card, "DOSSIERS_RESOLVED_ON_TIME")).isEqualTo(count(due)).isPositive();
        assertThat(numerator(card, "DOSSIERS_RESOLVED_ON_TIME")).isEqualTo(count(due + " and d.status in ('RESOLVED', 'RETURNED') and not d.late"))
                .isPositive();
        assertThat(numerator(card, "PROCEDURES_POPULATION_DB")).isEqualTo(jdbc.sql("select count(*) from procedure p"
                + " where p.review_state <> 'ABOLISHED' and (p.announced_on is null or p.announced_on <= date '2022-12-31')"
                + " and p.population_db_connected").query(Long.class).single()).isPositive();
    }

    @Test
    void openDossiersNotYetDueStayOutOfTheDueCountAndTheFastPathEqualsPlainSql() {
        // a dossier received today is open and due in a few working days: not due yet
        Ref fresh = receive(Map.of());
        LocalDate due = jdbc.sql("select due_date from dossier where id = :id").param("id", NodeId.longKey(fresh.id(), "Dossier"))
                .query(LocalDate.class).single();
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        assertThat(due).isAfterOrEqualTo(today);
        long province = jdbc.sql("select id from unit where code = 'NA'").query(Long.class).single();
        // from January to the month of that due date: past months, the current one and the months ahead
        LocalDate from = today.withDayOfYear(1);
        LocalDate to = due.withDayOfMonth(due.lengthOfMonth());
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", NodeId.encode("Unit", province))
                .variable("period", Map.of("kind", "CUSTOM", "from", from.toString(), "to", to.toString())).execute();
        r.errors().verify();
        Map<String, Map<String, Object>> card = new HashMap<>();
        r.path("indicatorScorecard.groups[*].indicators[*]").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(i -> card.put((String) i.get("code"), i));
        String inPeriod = "d.status not in ('REJECTED', 'WITHDRAWN') and d.due_date between date '" + from + "' and date '" + to + "'";
        String dueByNow = " and (d.status in ('RESOLVED', 'RETURNED') or d.due_date < date '" + today + "')";
        assertThat(denominator(card, "DOSSIERS_RESOLVED_ON_TIME")).isEqualTo(count(inPeriod + dueByNow))
                .isLessThan(count(inPeriod));
        assertThat(numerator(card, "DOSSIERS_RESOLVED_ON_TIME"))
                .isEqualTo(count(inPeriod + " and d.status in ('RESOLVED', 'RETURNED') and not d.late"));
        // the unit's own scorecard too, on the per-unit path
        long syt = jdbc.sql("select id from unit where code = 'NA-SYT'").query(Long.class).single();
        GraphQlTester.Response own = inspector().documentName("indicatorScorecard").variable("unit", NodeId.encode("Unit", syt))
                .variable("includeSubunits", false)
                .variable("period", Map.of("kind", "CUSTOM", "from", from.toString(), "to", to.toString())).execute();
        own.errors().verify();
        assertThat(own.path("indicatorScorecard.groups[*].indicators[?(@.code == 'DOSSIERS_RESOLVED_ON_TIME')].denominator")
                .entityList(Long.class).get()).containsExactly(count("d.unit_id = " + syt + " and " + inPeriod + dueByNow));
    }

    private static Map<String, Object> syncItem(String externalId, String procedureCode, List<Map<String, Object>> events) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("receiptCode", "SYNC-" + externalId);
        item.put("unitCode", "NA-SYT");
        item.put("procedureCode", procedureCode);
        item.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Chỉ Số"));
        item.put("channel", "ONLINE");
        item.put("onlinePayment", true);
        item.put("events", events);
        return item;
    }

    private static Map<String, Object> event(String transition, java.time.Instant at, Object... more) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("transition", transition);
        e.put("at", at.atOffset(java.time.ZoneOffset.ofHours(7)).toString());
        for (int i = 0; i < more.length; i += 2) {
            e.put((String) more[i], more[i + 1]);
        }
        return e;
    }

    @Test
    void theRollupEqualsPlainCountsAfterAPartnerSyncBatchAndAfterDossiersAreDeleted() {
        String code = jdbc.sql("select p.national_code from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' and p.statutory_working_days > 0 order by p.national_code limit 1")
                .query(String.class).single();
        String a = "rollup-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String b = "rollup-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant monday = java.time.OffsetDateTime.parse("2023-10-02T09:00:00+07:00").toInstant();
        java.time.Instant later = monday.plus(40, java.time.temporal.ChronoUnit.DAYS);
        List<Map<String, Object>> aEvents = List.of(event("RECEIVE", monday), event("ADVANCE", monday.plus(1, java.time.temporal.ChronoUnit.HOURS)));
        // one batch inserts both (INSERT … ON CONFLICT), the next updates one of them through to a late, returned result
        ngheAn().documentName("dossiersSync").variable("input", Map.of("source", "nghean-dvc", "items",
                        List.of(syncItem(a, code, aEvents), syncItem(b, code, List.of(event("RECEIVE", monday))))))
                .execute().path("dossiersSync.results[*].outcome").entityList(String.class).containsExactly("CREATED", "CREATED");
        assertThat(rollup()).isEqualTo(plain());
        assertThat(unitRollup()).isEqualTo(plainPerUnit());
        List<Map<String, Object>> longer = new java.util.ArrayList<>(aEvents);
        longer.add(event("RESOLVE", later, "result", "QĐ 9/SYT", "digitisedResult", true));
        longer.add(event("RETURN", later.plus(1, java.time.temporal.ChronoUnit.HOURS)));
        ngheAn().documentName("dossiersSync").variable("input", Map.of("source", "nghean-dvc", "items",
                        List.of(syncItem(a, code, longer), syncItem(b, code, List.of(event("RECEIVE", monday))))))
                .execute().path("dossiersSync.results[*].outcome").entityList(String.class).containsExactly("UPDATED", "UNCHANGED");
        assertThat(rollup()).isEqualTo(plain());
        assertThat(unitRollup()).isEqualTo(plainPerUnit());

        // deleting dossiers (no API deletes them; an operator's repair might) takes their contributions out again
        Long[] ids = jdbc.sql("select id from dossier where receipt_code in (:a, :b)").param("a", "SYNC-" + a).param("b", "SYNC-" + b)
                .query(Long.class).list().toArray(Long[]::new);
        assertThat(ids).hasSize(2);
        jdbc.sql("delete from dossier_step_overrun where dossier_id = any(:ids)").param("ids", ids).update();
        jdbc.sql("delete from dossier_event where dossier_id = any(:ids)").param("ids", ids).update();
        jdbc.sql("delete from dossier where id = any(:ids)").param("ids", ids).update();
        assertThat(rollup()).isEqualTo(plain());
        assertThat(unitRollup()).isEqualTo(plainPerUnit());
    }

    /** A quarter's dossier and feedback figures are the sums of its three months' (each counted by one date). */
    @Test
    void aQuartersFiguresAreTheSumsOfItsMonths() {
        String syt = NodeId.encode("Unit", jdbc.sql("select id from unit where code = 'NA-SYT'").query(Long.class).single());
        Map<String, Map<String, Object>> quarter = card(syt, Map.of("kind", "QUARTER", "year", 2024, "number", 1));
        List<Map<String, Map<String, Object>>> months = List.of(card(syt, Map.of("kind", "MONTH", "year", 2024, "number", 1)),
                card(syt, Map.of("kind", "MONTH", "year", 2024, "number", 2)), card(syt, Map.of("kind", "MONTH", "year", 2024, "number", 3)));
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> e : quarter.entrySet()) {
            if (!List.of("DOSSIERS", "FEEDBACK").contains(e.getValue().get("basis"))) {
                continue;
            }
            long numerators = months.stream().mapToLong(m -> numerator(m, e.getKey())).sum();
            long denominators = months.stream().mapToLong(m -> denominator(m, e.getKey())).sum();
            assertThat(numerator(quarter, e.getKey())).as(e.getKey()).isEqualTo(numerators);
            assertThat(denominator(quarter, e.getKey())).as(e.getKey()).isEqualTo(denominators);
            checked++;
        }
        assertThat(checked).isEqualTo(13);
        assertThat(denominator(quarter, "DOSSIERS_RESOLVED_ON_TIME")).isPositive();
        assertThat(denominator(quarter, "DOSSIERS_FILED_ONLINE")).isPositive();
    }

    private Map<String, Map<String, Object>> card(String unit, Map<String, Object> period) {
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", unit).variable("includeSubunits", false)
                .variable("period", period).execute();
        r.errors().verify();
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        r.path("indicatorScorecard.groups[*].indicators[*]").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(i -> byCode.put((String) i.get("code"), i));
        return byCode;
    }

    /**
     * The trend and the ranking cost the same number of SQL statements however many months or units
     * they score (the feedback source is looked up once, not per unit and month).
     */
    @Test
    void theTrendAndTheRankingCostAFixedNumberOfStatements() {
        String syt = NodeId.encode("Unit", jdbc.sql("select id from unit where code = 'NA-SYT'").query(Long.class).single());
        trend(syt, "2024-01-01", "2024-02-01");
        long before = app.lantern.support.SqlStatementCounter.count();
        trend(syt, "2024-01-01", "2024-02-01");
        long twoMonths = app.lantern.support.SqlStatementCounter.count() - before;
        before = app.lantern.support.SqlStatementCounter.count();
        trend(syt, "2024-01-01", "2024-12-01");
        assertThat(app.lantern.support.SqlStatementCounter.count() - before).isEqualTo(twoMonths);

        before = app.lantern.support.SqlStatementCounter.count();
        inspector().documentName("indicatorRanking").variable("period", Map.of("kind", "YEAR", "year", 2024)).variable("level", "COMMUNE")
                .execute().errors().verify();
        long communes = app.lantern.support.SqlStatementCounter.count() - before;
        before = app.lantern.support.SqlStatementCounter.count();
        inspector().documentName("indicatorRanking").variable("period", Map.of("kind", "YEAR", "year", 2024)).execute().errors().verify();
        assertThat(app.lantern.support.SqlStatementCounter.count() - before).isEqualTo(communes);
    }

    private void trend(String unit, String from, String to) {
        inspector().documentName("indicatorTrend").variable("unit", unit).variable("from", from).variable("to", to).execute().errors().verify();
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from dossier d where " + condition).query(Long.class).single();
    }
}
