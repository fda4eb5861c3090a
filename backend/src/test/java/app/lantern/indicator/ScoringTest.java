package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring arithmetic: rate, weight, threshold, cap, group cap, bands, and no data. */
class ScoringTest {

    private static RuleSet.Rule rule(IndicatorCode code, double weight, double cap, double fullAt) {
        return new RuleSet.Rule(code, weight, cap, fullAt);
    }

    private static final RuleSet RULES = new RuleSet(1L, "test", java.time.LocalDate.of(2021, 1, 1), List.of(
            new RuleSet.GroupRule(IndicatorGroup.ONLINE_SERVICES, 5, List.of(
                    rule(IndicatorCode.PROCEDURES_ONLINE, 2, 2, 0.8),
                    rule(IndicatorCode.DOSSIERS_FILED_ONLINE, 6, 6, 0.5))),
            new RuleSet.GroupRule(IndicatorGroup.SATISFACTION, 18, List.of(
                    rule(IndicatorCode.FEEDBACK_ANSWERED_ON_TIME, 6, 6, 1),
                    rule(IndicatorCode.DOSSIER_SATISFACTION, 6, 6, 0.9)))),
            90, 70, 50, null, null);

    @Test
    void pointsAreTheWeightedRateUpToTheCapAndGroupsAreCappedAtTheirMaximum() {
        Counts counts = new Counts().set(Counter.PROC_ONLINE, 9).set(Counter.PROC_IN_FORCE, 10)   // 0.9 → min(2, 2.25) = 2
                .set(Counter.RECEIVED_ONLINE, 1).set(Counter.RECEIVED, 4)                            // 0.25 → 6 × 0.25 ÷ 0.5 = 3
                .set(Counter.RATED_SATISFIED, 0).set(Counter.RATED, 0);                               // nobody rated: no data, 0
        Scorecard card = Scoring.score(null, true, null, RULES, counts);
        Scorecard.GroupScore online = card.groups().get(0);
        assertThat(online.indicators()).extracting(Scorecard.IndicatorScore::points).containsExactly(2.0, 3.0);
        assertThat(online.points()).isEqualTo(5.0);
        Scorecard.GroupScore satisfaction = card.groups().get(1);
        assertThat(satisfaction.indicators()).extracting(Scorecard.IndicatorScore::noDataReason)
                .containsExactly("SOURCE_MISSING", "ZERO_DENOMINATOR");
        assertThat(satisfaction.points()).isZero();
        assertThat(card.total()).isEqualTo(5.0);
        assertThat(card.attainablePoints()).isEqualTo(5.0);
        assertThat(card.band()).isEqualTo(RuleSet.Band.WEAK);

        // once the installation records feedback, an empty period is an ordinary zero denominator
        Scorecard withSource = Scoring.score(null, true, null, RULES, counts.feedbackSource(true).set(Counter.FB_RECEIVED, 0));
        assertThat(withSource.groups().get(1).indicators()).extracting(Scorecard.IndicatorScore::noDataReason)
                .containsExactly("ZERO_DENOMINATOR", "ZERO_DENOMINATOR");
        counts.feedbackSource(false);

        counts.set(Counter.RECEIVED_ONLINE, 4);                       // 1.0 → min(6, 12) = 6: group 2 + 6 = 8 capped at 5
        assertThat(Scoring.score(null, true, null, RULES, counts).groups().get(0).points()).isEqualTo(5.0);
    }

    @Test
    void dossierSatisfactionWhenNobodyRatedShowsNoDataYetScoresZeroAgainstTheTotal() {
        Counts counts = new Counts();
        counts.set(Counter.PROC_ONLINE, 9).set(Counter.PROC_IN_FORCE, 10)                          // 2 points, as above
                .set(Counter.RECEIVED_ONLINE, 1).set(Counter.RECEIVED, 4)                            // 3 points
                .set(Counter.RESOLVED, 3).set(Counter.RATED, 0).set(Counter.RATED_SATISFIED, 0);     // resolved 3, nobody rated
        Scorecard card = Scoring.score(null, true, null, RULES, counts);
        Scorecard.IndicatorScore satisfaction = card.groups().get(1).indicators().get(1);
        assertThat(satisfaction.code()).isEqualTo(IndicatorCode.DOSSIER_SATISFACTION);
        // shown as no data, never a silent 0 % or 100 %
        assertThat(satisfaction.noData()).isTrue();
        assertThat(satisfaction.noDataReason()).isEqualTo("ZERO_DENOMINATOR");
        assertThat(satisfaction.rate()).isNull();
        assertThat(satisfaction.points()).isZero();
        // and it earns 0 of its 6 points: the total stays 5, the attainable points are 5 (online, capped) + 6 = 11,
        // where feedback answered on time (no source) is left out
        assertThat(card.total()).isEqualTo(5.0);
        assertThat(card.attainablePoints()).isEqualTo(11.0);
        assertThat(satisfaction.formula().en()).contains("nobody rated them: no data and 0 points, still counted in the attainable points");
        assertThat(satisfaction.formula().vi()).contains("không ai đánh giá: không có dữ liệu và 0 điểm");

        // nothing resolved: nothing to rate, plain no data left out of the attainable points
        counts.set(Counter.RESOLVED, 0);
        assertThat(Scoring.score(null, true, null, RULES, counts).attainablePoints()).isEqualTo(5.0);
        // someone rated: an ordinary rate
        counts.set(Counter.RESOLVED, 3).set(Counter.RATED, 2).set(Counter.RATED_SATISFIED, 1);   // 0.5 → 6 × 0.5 ÷ 0.9 = 3.33
        Scorecard rated = Scoring.score(null, true, null, RULES, counts);
        assertThat(rated.groups().get(1).indicators().get(1).points()).isEqualTo(3.33);
        assertThat(rated.attainablePoints()).isEqualTo(11.0);
    }

    @Test
    void bandsFollowTheRuleSetsThresholds() {
        assertThat(List.of(90.0, 89.99, 70.0, 50.0, 49.99)).extracting(RULES::band)
                .containsExactly(RuleSet.Band.EXCELLENT, RuleSet.Band.GOOD, RuleSet.Band.GOOD, RuleSet.Band.AVERAGE, RuleSet.Band.WEAK);
    }

    @Test
    void theFormulaSaysTheWeightCapAndThreshold() {
        assertThat(IndicatorCode.PROCEDURES_ONLINE.formula(rule(IndicatorCode.PROCEDURES_ONLINE, 2, 2, 0.8)).en())
                .endsWith("Points = min(2, 2 × rate ÷ 0.8).");
        assertThat(IndicatorCode.DOSSIERS_PAID_ONLINE.formula(rule(IndicatorCode.DOSSIERS_PAID_ONLINE, 6, 6, 1)).vi())
                .endsWith("Điểm = 6 × tỉ lệ.");
        assertThat(IndicatorCode.FEEDBACK_SATISFACTION.formula(rule(IndicatorCode.FEEDBACK_SATISFACTION, 6, 6, 1)).en())
                .contains("no data while the installation records no feedback");
    }
}
