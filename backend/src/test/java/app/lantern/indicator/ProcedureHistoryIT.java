package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Procedure figures of a past period are those of the catalogue as it stood at the period's end: an edit of the
 * catalogue today, through the API or straight in the table, leaves them alone while the current period follows it;
 * procedures of units that had ended, or did not yet exist, are not counted; drill-downs list exactly what the
 * figures count. Runs over the hand-made branch of {@link IndicatorFixture} and a second branch of its own whose
 * communes end and begin in 2023.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureHistoryIT extends ApiTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final List<String> BRANCH = List.of("FXH-ROOT", "FXH-OLD", "FXH-NEW");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    IndicatorFixture fixture;

    @BeforeAll
    void createFixtures() {
        fixture = new IndicatorFixture(jdbc);
        fixture.remove();
        removeBranch();
        fixture.create();
    }

    @AfterAll
    void removeFixtures() {
        fixture.remove();
        removeBranch();
    }

    private static Map<String, Object> year(int year) {
        return Map.of("kind", "YEAR", "year", year);
    }

    private static int thisYear() {
        return LocalDate.now(WorkingDays.ZONE).getYear();
    }

    private Map<String, Object> scorecard(String unit, Map<String, Object> period) {
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", unit)
                .variable("includeSubunits", true).variable("period", period).execute();
        r.errors().verify();
        return r.path("indicatorScorecard").entity(MAP).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> indicators(Map<String, Object> card) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) card.get("groups")) {
            for (Map<String, Object> indicator : (List<Map<String, Object>>) group.get("indicators")) {
                result.put((String) indicator.get("code"), indicator);
            }
        }
        return result;
    }

    /** numerator/denominator of an indicator, e.g. "3/4", or "-" where it has no data. */
    private static String fraction(Map<String, Object> card, String code) {
        Map<String, Object> indicator = indicators(card).get(code);
        return indicator.get("denominator") == null || ((Number) indicator.get("denominator")).longValue() == 0 ? "-"
                : indicator.get("numerator") + "/" + indicator.get("denominator");
    }

    private List<String> procedures(String unit, Map<String, Object> period, String code, String part) {
        GraphQlTester.Response r = inspector().documentName("indicatorProcedures").variable("unit", unit).variable("includeSubunits", true)
                .variable("period", period).variable("indicator", code).variable("part", part).variable("first", 100).execute();
        r.errors().verify();
        List<String> codes = r.path("indicatorProcedures.nodes[*].nationalCode").entityList(String.class).get();
        assertThat(r.path("indicatorProcedures.totalCount").entity(Long.class).get()).as(code + " " + part + " total").isEqualTo(codes.size());
        return codes;
    }

    /** Every procedure figure of the card drills down to as many procedures as it counts, numerator within denominator. */
    private void drillDownsEqualFigures(String unit, Map<String, Object> period) {
        indicators(scorecard(unit, period)).forEach((code, figure) -> {
            if (!"PROCEDURES".equals(figure.get("basis"))) {
                return;
            }
            List<String> numerator = procedures(unit, period, code, "NUMERATOR");
            List<String> denominator = procedures(unit, period, code, "DENOMINATOR");
            assertThat(numerator).as(code + " numerator of " + period).hasSize(((Number) figure.get("numerator")).intValue());
            assertThat(denominator).as(code + " denominator of " + period).hasSize(((Number) figure.get("denominator")).intValue())
                    .containsAll(numerator);
            assertThat(procedures(unit, period, code, "SHORTFALL")).as(code + " shortfall of " + period)
                    .containsExactlyInAnyOrderElementsOf(denominator.stream().filter(c -> !numerator.contains(c)).toList());
        });
    }

    private Map<String, Object> update(String procedure, Map<String, Object> changes) {
        long id = fixture.procedures.get(procedure);
        int version = jdbc.sql("select version from procedure where id = :id").param("id", id).query(Integer.class).single();
        Map<String, Object> input = new LinkedHashMap<>(changes);
        input.put("procedureId", NodeId.encode("Procedure", id));
        input.put("version", version);
        GraphQlTester.Response r = admin().documentName("procedureUpdate").variable("input", input).execute();
        r.errors().verify();
        r.path("procedureUpdate.userErrors").entityList(Object.class).hasSize(0);
        return r.path("procedureUpdate.procedure").entity(MAP).get();
    }

    @Test
    void editingTheCatalogueTodayLeaves2023sScorecardByteForByteWhileThisYearFollowsTheEdit() {
        Map<String, Object> before2023 = scorecard(fixture.fxId(), year(2023));
        Map<String, Object> beforeNow = scorecard(fixture.fxId(), year(thisYear()));
        // in force now: P1, P2, P3, P5 (P4 abolished); online P1, P3, P5; with a fee P1, P3; full content P1, P5
        assertThat(fraction(beforeNow, "PROCEDURES_ONLINE")).isEqualTo("3/4");
        assertThat(fraction(beforeNow, "PROCEDURES_FULL_CONTENT")).isEqualTo("2/4");
        assertThat(fraction(beforeNow, "PROCEDURES_WITH_ONLINE_PAYMENT")).isEqualTo("1/2");

        // P1 goes offline and unpublished, P3 loses its fee, P5 is abolished; P2's dates and publication are corrected
        // in the table itself, as a bulk correction would
        update("FX.P1", Map.of("onlineLevel", "OFFLINE", "published", false));
        update("FX.P3", Map.of("fee", 0));
        assertThat(update("FX.P5", Map.of("reviewState", "ABOLISHED")).get("reviewState")).isEqualTo("ABOLISHED");
        jdbc.sql("update procedure set announced_on = date '2023-04-20', published_on = date '2023-04-21', full_content_published = true"
                + " where id = :id").param("id", fixture.procedures.get("FX.P2")).update();

        assertThat(scorecard(fixture.fxId(), year(2023))).isEqualTo(before2023);
        Map<String, Object> afterNow = scorecard(fixture.fxId(), year(thisYear()));
        // in force now: P1, P2, P3 (P5 abolished today); online P3 only; with a fee P1 only, which takes online payment;
        // full content: P2 (P1 no longer published)
        assertThat(fraction(afterNow, "PROCEDURES_ONLINE")).isEqualTo("1/3");
        assertThat(fraction(afterNow, "PROCEDURES_FULL_CONTENT")).isEqualTo("1/3");
        assertThat(fraction(afterNow, "PROCEDURES_WITH_ONLINE_PAYMENT")).isEqualTo("1/1");
        assertThat(fraction(afterNow, "PROCEDURES_POPULATION_DB")).isEqualTo("2/3");   // P1, P3
        assertThat(jdbc.sql("select abolished_on::text from procedure where id = :id").param("id", fixture.procedures.get("FX.P5"))
                .query(String.class).single()).isEqualTo(LocalDate.now(WorkingDays.ZONE).toString());

        drillDownsEqualFigures(fixture.fxId(), year(2023));
        drillDownsEqualFigures(fixture.fxId(), year(thisYear()));
        assertThat(procedures(fixture.fxId(), year(2023), "PROCEDURES_ONLINE", "NUMERATOR")).containsExactly("FX.P1", "FX.P3", "FX.P5");
        assertThat(procedures(fixture.fxId(), year(thisYear()), "PROCEDURES_ONLINE", "NUMERATOR")).containsExactly("FX.P3");

        // reinstated: the abolition day goes, the current figures come back, 2023 still untouched
        update("FX.P5", Map.of("reviewState", "IN_FORCE"));
        assertThat(jdbc.sql("select abolished_on is null from procedure where id = :id").param("id", fixture.procedures.get("FX.P5"))
                .query(Boolean.class).single()).isTrue();
        assertThat(fraction(scorecard(fixture.fxId(), year(thisYear())), "PROCEDURES_ONLINE")).isEqualTo("2/4");
        assertThat(scorecard(fixture.fxId(), year(2023))).isEqualTo(before2023);
    }

    @Test
    void theDemoCatalogueWrittenWithCopyHasItsHistoryFromItsAnnouncements() {
        assertThat(jdbc.sql("select count(*) from procedure").query(Long.class).single()).isGreaterThan(1000);
        // every procedure has exactly one current version, equal to the procedure, reaching back to its announcement
        assertThat(jdbc.sql("""
                select count(*) from procedure p left join procedure_history h on h.procedure_id = p.id and h.valid_to is null
                where h.procedure_id is null
                   or (h.unit_id, h.review_state, h.published, h.full_content_published, h.online_level, h.fee, h.online_payment_enabled,
                       h.portal_payment_configured, h.population_db_connected, h.effective_on, h.announced_on, h.published_on)
                      is distinct from (p.unit_id, p.review_state, p.published, p.full_content_published, p.online_level, p.fee,
                       p.online_payment_enabled, p.portal_payment_configured, p.population_db_connected, p.effective_on,
                       p.announced_on, p.published_on)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from procedure p join procedure_history h on h.procedure_id = p.id
                where h.valid_from = (select min(valid_from) from procedure_history f where f.procedure_id = p.id)
                  and p.announced_on is not null and h.valid_from > p.announced_on::timestamp at time zone 'Asia/Ho_Chi_Minh'""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theHistoryKeepsOneVersionPerChangeOfWhatTheIndicatorsRead() {
        // the first version reaches back to the announcement (FX.P3: 2021-12-20, before it took effect on 2022-01-01)
        assertThat(jdbc.sql("select min(valid_from) from procedure_history where procedure_id = :p")
                .param("p", fixture.procedures.get("FX.P3")).query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(LocalDate.of(2021, 12, 20).atStartOfDay(WorkingDays.ZONE).toInstant());
        long p = jdbc.sql("insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days,"
                        + " online_level, effective_on, announced_on) values (:u, 'FX.P8', 'Thủ tục kiểm thử FX.P8', 'JUSTICE',"
                        + " 'PROVINCE', 5, 'FULL', date '2022-03-01', date '2022-03-15') returning id")
                .param("u", fixture.fx).query(Long.class).single();
        // taking effect before its announcement, it is known from the day it took effect
        assertThat(jdbc.sql("select valid_from from procedure_history where procedure_id = :p").param("p", p)
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(LocalDate.of(2022, 3, 1).atStartOfDay(WorkingDays.ZONE).toInstant());
        // a change of what no indicator reads makes no version; two changes in one transaction make one
        jdbc.sql("update procedure set name = name || ' (sửa)', statutory_working_days = 6 where id = :p").param("p", p).update();
        assertThat(versions(p)).isEqualTo(1);
        tx.executeWithoutResult(s -> {
            jdbc.sql("update procedure set population_db_connected = true where id = :p").param("p", p).update();
            jdbc.sql("update procedure set population_db_connected = false, online_payment_enabled = true where id = :p")
                    .param("p", p).update();
        });
        assertThat(versions(p)).isEqualTo(2);
        jdbc.sql("update procedure set review_state = 'ABOLISHED' where id = :p").param("p", p).update();
        assertThat(versions(p)).isEqualTo(3);
        // versions follow each other without gaps or overlaps, exactly one open
        List<Map<String, Object>> rows = jdbc.sql("select valid_from, valid_to, online_payment_enabled, review_state, abolished_on::text"
                + " from procedure_history where procedure_id = :p order by valid_from").param("p", p).query().listOfRows();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("valid_from")).isEqualTo(rows.get(i - 1).get("valid_to"));
        }
        assertThat(rows).extracting(r -> r.get("online_payment_enabled"), r -> r.get("review_state"))
                .containsExactly(tuple(false, "IN_FORCE"), tuple(true, "IN_FORCE"), tuple(true, "ABOLISHED"));
        assertThat(rows.getLast().get("valid_to")).isNull();
        assertThat(rows.getLast().get("abolished_on")).isEqualTo(LocalDate.now(WorkingDays.ZONE).toString());

        // a procedure created and completed in one transaction follows the first-version rule with its final dates
        long created = tx.execute(s -> {
            long id = jdbc.sql("insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days,"
                            + " online_level) values (:u, 'FX.P9', 'Thủ tục kiểm thử FX.P9', 'JUSTICE', 'PROVINCE', 5, 'FULL') returning id")
                    .param("u", fixture.fx).query(Long.class).single();
            jdbc.sql("update procedure set announced_on = date '2022-06-01', effective_on = date '2022-07-01' where id = :id")
                    .param("id", id).update();
            return id;
        });
        assertThat(versions(created)).isEqualTo(1);
        assertThat(jdbc.sql("select valid_from from procedure_history where procedure_id = :p").param("p", created)
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(LocalDate.of(2022, 6, 1).atStartOfDay(WorkingDays.ZONE).toInstant());
        // without either day it is known from when it was written: past periods do not see it
        long undated = jdbc.sql("insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days,"
                        + " online_level) values (:u, 'FX.P7', 'Thủ tục kiểm thử FX.P7', 'JUSTICE', 'PROVINCE', 5, 'FULL') returning id")
                .param("u", fixture.fx).query(Long.class).single();
        assertThat(jdbc.sql("select valid_from > now() - interval '1 minute' from procedure_history where procedure_id = :p")
                .param("p", undated).query(Boolean.class).single()).isTrue();

        jdbc.sql("delete from procedure where id in (:a, :b, :c)").param("a", p).param("b", created).param("c", undated).update();
        assertThat(versions(p) + versions(created) + versions(undated)).isZero();
    }

    private long versions(long procedure) {
        return jdbc.sql("select count(*) from procedure_history where procedure_id = :p").param("p", procedure).query(Long.class).single();
    }

    @Test
    void proceduresOfUnitsThatHadEndedOrDidNotYetExistAreNotCounted() {
        String root = createBranch();
        Map<String, Object> card2022 = scorecard(root, year(2022));
        Map<String, Object> card2023 = scorecard(root, year(2023));
        // 2022: in force H1 only (FXH-NEW did not exist yet, so its H4, announced 2021, is not counted); nothing took effect
        assertThat(fraction(card2022, "PROCEDURES_FULL_CONTENT")).isEqualTo("1/1");
        assertThat(fraction(card2022, "PROCEDURES_ONLINE")).isEqualTo("1/1");
        assertThat(fraction(card2022, "PROCEDURES_ANNOUNCED_ON_TIME")).isEqualTo("-");
        // 2023: FXH-OLD ended on 30 June, so at the year's end in force are H2 and H4 of FXH-NEW; H3 took effect at FXH-OLD on
        // 1 March while it existed and H2 at FXH-NEW on 1 August, both announced before: 2 of 2 on time. Announced in 2023:
        // H3 (20 Feb, at FXH-OLD) and H2 (5 July, at FXH-NEW); published within 7 days: H2 only
        assertThat(fraction(card2023, "PROCEDURES_FULL_CONTENT")).isEqualTo("1/2");
        assertThat(fraction(card2023, "PROCEDURES_ONLINE")).isEqualTo("2/2");
        assertThat(fraction(card2023, "PROCEDURES_ANNOUNCED_ON_TIME")).isEqualTo("2/2");
        assertThat(fraction(card2023, "PROCEDURES_PUBLISHED_ON_TIME")).isEqualTo("1/2");
        assertThat(procedures(root, year(2023), "PROCEDURES_FULL_CONTENT", "DENOMINATOR")).containsExactly("FXH.H2", "FXH.H4");
        assertThat(procedures(root, year(2023), "PROCEDURES_ANNOUNCED_ON_TIME", "DENOMINATOR")).containsExactly("FXH.H2", "FXH.H3");
        assertThat(procedures(root, year(2022), "PROCEDURES_FULL_CONTENT", "DENOMINATOR")).containsExactly("FXH.H1");
        drillDownsEqualFigures(root, year(2022));
        drillDownsEqualFigures(root, year(2023));
        drillDownsEqualFigures(root, Map.of("kind", "MONTH", "year", 2023, "number", 6));
        // June 2023, FXH-OLD's last month: H1 and H3 in force, FXH-NEW not yet
        assertThat(fraction(scorecard(root, Map.of("kind", "MONTH", "year", 2023, "number", 6)), "PROCEDURES_FULL_CONTENT"))
                .isEqualTo("2/2");

        // the monthly trend counts each month as its own scorecard does
        GraphQlTester.Response trend = inspector().documentName("indicatorTrend").variable("unit", root).variable("includeSubunits", true)
                .variable("from", "2023-05-01").variable("to", "2023-08-31").execute();
        trend.errors().verify();
        List<Map<String, Object>> months = trend.path("indicatorTrend").entityList(MAP).get();
        assertThat(months).extracting(m -> fraction(m, "PROCEDURES_FULL_CONTENT")).containsExactly("2/2", "2/2", "1/2", "1/2");
    }

    /** A department with commune FXH-OLD (2019 to 30 June 2023) and its successor FXH-NEW (from 1 July 2023). */
    private String createBranch() {
        long na = jdbc.sql("select id from unit where code = 'NA'").query(Long.class).single();
        long root = branchUnit("FXH-ROOT", "DEPARTMENT", na, "1945-09-02", null);
        long old = branchUnit("FXH-OLD", "COMMUNE", root, "2019-01-01", "2023-06-30");
        long successor = branchUnit("FXH-NEW", "COMMUNE", root, "2023-07-01", null);
        //             code      unit       effective     announced     published     full
        branchProcedure("FXH.H1", old, "2020-02-01", "2020-01-10", "2020-01-12", true);
        branchProcedure("FXH.H2", successor, "2023-08-01", "2023-07-05", "2023-07-06", true);
        branchProcedure("FXH.H3", old, "2023-03-01", "2023-02-20", "2023-03-20", true);
        branchProcedure("FXH.H4", successor, "2021-02-01", "2021-01-01", "2021-01-05", false);
        return NodeId.encode("Unit", root);
    }

    private long branchUnit(String code, String level, long parent, String from, String to) {
        String parentPath = jdbc.sql("select path from unit where id = :id").param("id", parent).query(String.class).single();
        long id = jdbc.sql("insert into unit (code, name, level, parent_id, path, one_stop_shop, valid_from, valid_to)"
                        + " values (:code, :name, :level, :parent, '/', true, :from, :to) returning id")
                .param("code", code).param("name", "Đơn vị lịch sử " + code).param("level", level).param("parent", parent)
                .param("from", LocalDate.parse(from)).param("to", to == null ? null : LocalDate.parse(to)).query(Long.class).single();
        jdbc.sql("update unit set path = :path where id = :id").param("path", parentPath + id + "/").param("id", id).update();
        return id;
    }

    private void branchProcedure(String code, long unit, String effective, String announced, String published, boolean full) {
        jdbc.sql("""
                        insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days, fee,
                            online_level, published, effective_on, announced_on, published_on, full_content_published)
                        values (:unit, :code, :name, 'JUSTICE', 'COMMUNE', 5, 0, 'FULL', true, :effective, :announced, :published, :full)""")
                .param("unit", unit).param("code", code).param("name", "Thủ tục lịch sử " + code)
                .param("effective", LocalDate.parse(effective)).param("announced", LocalDate.parse(announced))
                .param("published", LocalDate.parse(published)).param("full", full).update();
    }

    private void removeBranch() {
        Long[] units = jdbc.sql("select id from unit where code = any(:c)").param("c", BRANCH.toArray(String[]::new))
                .query(Long.class).list().toArray(Long[]::new);
        if (units.length == 0) {
            return;
        }
        jdbc.sql("delete from procedure where unit_id = any(:u)").param("u", units).update();
        jdbc.sql("update unit set parent_id = null where id = any(:u)").param("u", units).update();
        jdbc.sql("delete from unit where id = any(:u)").param("u", units).update();
    }
}
