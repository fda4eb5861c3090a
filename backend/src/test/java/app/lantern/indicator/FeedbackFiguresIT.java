package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scorecard's two feedback indicators and the feedback inbox's statistics count the same demo
 * items: Nghi Loc's 2024 recommendation GY-DEMO0005 (received 11 March, due 25 March, answered late on
 * 5 April, rated 5).
 */
class FeedbackFiguresIT extends ApiTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theScorecardAndTheFeedbackStatisticsAgreeForAUnitAndYear() {
        String unit = NodeId.encode("Unit", jdbc.sql("select id from unit where code = 'NA-NGHILOC'").query(Long.class).single());

        GraphQlTester.Response stats = inspector().documentName("feedbackStatistics")
                .variable("filter", Map.of("unit", unit, "includeSubunits", true, "submittedFrom", "2024-01-01", "submittedTo", "2024-12-31"))
                .execute();
        stats.errors().verify();
        Map<String, Object> s = stats.path("feedbackStatistics").entity(MAP).get();

        GraphQlTester.Response card = inspector().documentName("indicatorScorecard").variable("unit", unit)
                .variable("includeSubunits", true).variable("period", Map.of("kind", "YEAR", "year", 2024)).execute();
        card.errors().verify();
        Map<String, Map<String, Object>> indicators = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) card.path("indicatorScorecard").entity(MAP).get().get("groups")) {
            for (Map<String, Object> indicator : (List<Map<String, Object>>) group.get("indicators")) {
                indicators.put((String) indicator.get("code"), indicator);
            }
        }
        Map<String, Object> onTime = indicators.get("FEEDBACK_ANSWERED_ON_TIME");
        Map<String, Object> satisfaction = indicators.get("FEEDBACK_SATISFACTION");

        assertThat(number(s.get("received"))).isEqualTo(1);
        assertThat(number(onTime.get("denominator"))).isEqualTo(number(s.get("received")));
        assertThat(number(onTime.get("numerator"))).isEqualTo(number(s.get("answeredOnTime"))).isZero();
        assertThat(number(satisfaction.get("denominator"))).isEqualTo(number(s.get("rated"))).isEqualTo(1);
        assertThat(number(satisfaction.get("numerator"))).isEqualTo(number(s.get("satisfied"))).isEqualTo(1);
        assertThat(number(onTime.get("points"))).isZero();
        assertThat(number(satisfaction.get("points"))).isEqualTo(6);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * The scorecard reads the feedback source by the day received and by the day answered (ranges of
     * Vietnamese dates): both are index range scans, not reads of the whole feedback table. The planner
     * is told to avoid sequential scans so that the small demo table does not hide a missing index: an
     * index that does not match the view's expression could not be used at all.
     */
    @Test
    void theScorecardsFeedbackRangesReadAnIndex() {
        String received = explain("select fb.unit_id, count(*) from indicator_feedback_source fb where fb.received_on between"
                + " date '2024-01-01' and date '2024-12-31' and fb.unit_id = any(array[1, 2]::bigint[]) group by fb.unit_id");
        String answered = explain("select fb.unit_id, count(*) from indicator_feedback_source fb where fb.answered_on between"
                + " date '2024-01-01' and date '2024-12-31' and fb.unit_id = any(array[1, 2]::bigint[]) group by fb.unit_id");
        assertThat(received).contains("feedback_received_on_idx").contains("Index Cond: ((unit_id = ANY").doesNotContain("Filter:");
        assertThat(answered).contains("feedback_answered_on_idx").doesNotContain("Filter:");
    }

    private String explain(String sql) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
        });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
