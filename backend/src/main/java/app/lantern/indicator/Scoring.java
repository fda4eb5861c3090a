package app.lantern.indicator;

import app.lantern.catalogue.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores counts under a rule set: each indicator's rate is numerator ÷ denominator and earns
 * {@code min(cap, weight × rate ÷ fullAt)}; a group earns the sum of its indicators capped at its
 * maximum; the total is the sum of the groups. An indicator without data (nothing to measure, or
 * no source) earns nothing and says so; it is left out of the attainable points (the most the unit
 * could have earned on what can be measured), except dossier satisfaction when dossiers were resolved
 * but nobody rated them: 0 points that stay attainable, so they count against the total
 * ({@link IndicatorCode#zeroWhenNobodyRated()}).
 */
public final class Scoring {

    private Scoring() {
    }

    public static Scorecard score(Unit unit, boolean includeSubunits, Period period, RuleSet rules, Counts counts) {
        List<Scorecard.GroupScore> groups = new ArrayList<>();
        double total = 0;
        double attainable = 0;
        for (RuleSet.GroupRule group : rules.groups()) {
            List<Scorecard.IndicatorScore> indicators = new ArrayList<>();
            double sum = 0;
            double reachable = 0;
            for (RuleSet.Rule rule : group.indicators()) {
                Scorecard.IndicatorScore score = indicator(rule, counts);
                indicators.add(score);
                sum += points(rule, score.rate());
                reachable += !score.noData() || countsAgainstTotal(rule.code(), counts) ? rule.cap() : 0;
            }
            double points = Math.min(group.maxPoints(), sum);
            total += points;
            attainable += Math.min(group.maxPoints(), reachable);
            groups.add(new Scorecard.GroupScore(group.group(), group.group().title(), round(points), group.maxPoints(), indicators));
        }
        double rounded = round(total);
        return new Scorecard(unit, includeSubunits, period, rules, rounded, round(attainable), rules.band(rounded),
                counts.get(Counter.RECEIVED), groups);
    }

    static Scorecard.IndicatorScore indicator(RuleSet.Rule rule, Counts counts) {
        IndicatorCode code = rule.code();
        if (code.basis() == Basis.FEEDBACK && !counts.feedbackSource()) {
            return new Scorecard.IndicatorScore(code, code.group(), code.title(), code.basis(), code.formula(rule), null, null, null,
                    0, rule.weight(), rule.cap(), rule.fullAt(), true, "SOURCE_MISSING");
        }
        long numerator = counts.get(code.numerator());
        long denominator = counts.get(code.denominator());
        Double rate = denominator == 0 ? null : (double) numerator / denominator;
        return new Scorecard.IndicatorScore(code, code.group(), code.title(), code.basis(), code.formula(rule), numerator, denominator,
                rate, round(points(rule, rate)), rule.weight(), rule.cap(), rule.fullAt(), rate == null,
                rate == null ? "ZERO_DENOMINATOR" : null);
    }

    /** A zero denominator that still counts in the attainable points: dossiers resolved, nobody rated. */
    static boolean countsAgainstTotal(IndicatorCode code, Counts counts) {
        return code.zeroWhenNobodyRated() && counts.get(Counter.RATED) == 0 && counts.get(Counter.RESOLVED) > 0;
    }

    static double points(RuleSet.Rule rule, Double rate) {
        return rate == null ? 0 : Math.min(rule.cap(), rule.weight() * rate / rule.fullAt());
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
