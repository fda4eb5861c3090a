package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plan 2960's live statistics equal direct SQL counts over the same dossiers, written here apart
 * from the application's query: per target unit (its subtree) and for the whole plan.
 */
class InspectionStatisticsIT extends ApiTestBase {

    private static final List<String> TARGETS = List.of("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP");
    private static final String P0 = "timestamptz '2021-07-15T00:00:00+07'";
    private static final String P1 = "timestamptz '2023-12-01T00:00:00+07'";
    /** Received in the period, or carried over into it. */
    private static final String HANDLED = "d.received_at < " + P1 + " and (d.closed_at is null or d.closed_at >= " + P0 + ")";
    private static final String OPEN_AT_END = "(d.closed_at is null or d.closed_at >= " + P1 + ")";

    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("receivedDirect", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'DIRECT'");
        FIGURES.put("receivedOnline", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'ONLINE'");
        FIGURES.put("receivedPostal", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'POSTAL'");
        FIGURES.put("received", "d.received_at >= " + P0 + " and d.received_at < " + P1);
        FIGURES.put("carriedOver", "d.received_at < " + P0 + " and (d.closed_at is null or d.closed_at >= " + P0 + ")");
        FIGURES.put("resolvedOnTime", HANDLED + " and d.resolved_at < " + P1 + " and not d.late");
        FIGURES.put("resolvedLate", HANDLED + " and d.resolved_at < " + P1 + " and d.late");
        FIGURES.put("lateWithoutApology", HANDLED + " and d.resolved_at < " + P1 + " and d.late"
                + " and not coalesce(d.apology_issued_at < " + P1 + ", false)");
        FIGURES.put("rejected", HANDLED + " and d.status = 'REJECTED' and d.closed_at < " + P1);
        FIGURES.put("withdrawn", HANDLED + " and d.status = 'WITHDRAWN' and d.closed_at < " + P1);
        FIGURES.put("openWithinTime", HANDLED + " and " + OPEN_AT_END + " and d.due_date >= date '2023-12-01'");
        FIGURES.put("openOverdue", HANDLED + " and " + OPEN_AT_END + " and d.due_date < date '2023-12-01'");
    }

    @Autowired
    JdbcClient jdbc;

    private long direct(List<String> units, String condition) {
        return jdbc.sql("select count(*) from dossier d join unit du on du.id = d.unit_id"
                        + " where du.path like any (array(select u.path || '%' from unit u where u.code in (:units))) and " + condition)
                .param("units", units).query(Long.class).single();
    }

    @Test
    void everyFigureEqualsADirectCountPerTargetUnitAndForTheWholePlan() {
        GraphQlTester.Response r = inspector().documentName("inspectionPlanStatistics").variable("number", "2960/KH-TTCP").execute();
        r.errors().verify();
        List<Map<String, Object>> perUnit = r.path("inspectionPlan.statistics").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(perUnit.stream().map(s -> (String) ((Map<?, ?>) s.get("unit")).get("code")).toList()).containsExactlyInAnyOrderElementsOf(TARGETS);
        for (Map<String, Object> figures : perUnit) {
            String unit = (String) ((Map<?, ?>) figures.get("unit")).get("code");
            FIGURES.forEach((name, condition) -> assertThat(((Number) figures.get(name)).longValue()).as(unit + " " + name)
                    .isEqualTo(direct(List.of(unit), condition)));
        }
        Map<String, Object> totals = r.path("inspectionPlan.totals").entity(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(totals.get("unit")).isNull();
        FIGURES.forEach((name, condition) -> assertThat(((Number) totals.get(name)).longValue()).as("plan " + name)
                .isEqualTo(direct(TARGETS, condition)));

        // the demo data has every case, so a figure computed wrongly would show
        assertThat(FIGURES.keySet()).hasSize(12);
        assertThat(FIGURES.keySet().stream().filter(name -> ((Number) totals.get(name)).longValue() <= 0).toList())
                .as("figures of the whole plan that are not positive").isEmpty();
        long outcomes = List.of("resolvedOnTime", "resolvedLate", "rejected", "withdrawn", "openWithinTime", "openOverdue").stream()
                .mapToLong(name -> ((Number) totals.get(name)).longValue()).sum();
        assertThat(outcomes).as("each dossier ends in one outcome")
                .isEqualTo(((Number) totals.get("received")).longValue() + ((Number) totals.get("carriedOver")).longValue());
    }

    @Test
    void aPlanWithoutAPeriodHasNoFiguresYet() {
        String number = "STAT-" + System.nanoTime() % 1_000_000;
        inspector().documentName("inspectionPlanCreate").variable("input", Map.of("number", number, "title", "Chưa có kỳ",
                "issuingAuthority", "Thanh tra tỉnh")).execute().path("inspectionPlanCreate.userErrors").entityList(Object.class).hasSize(0);
        GraphQlTester.Response r = inspector().documentName("inspectionPlanStatistics").variable("number", number).execute();
        r.path("inspectionPlan.statistics").entityList(Object.class).hasSize(0);
        r.path("inspectionPlan.totals").valueIsNull();
    }
}
