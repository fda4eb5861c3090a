package app.lantern.indicator;

import app.lantern.catalogue.Unit;
import java.util.List;

/**
 * A unit's scorecard for a period, scored under {@code ruleSet}.
 *
 * @param total            sum of the groups' points, rounded to two decimals
 * @param attainablePoints points the indicators with data could earn at most
 * @param dossiersReceived dossiers received in the period
 */
public record Scorecard(Unit unit, boolean includeSubunits, Period period, RuleSet ruleSet, double total,
                        double attainablePoints, RuleSet.Band band, long dossiersReceived, List<GroupScore> groups) {

    /** One group's points (capped at its maximum) and its indicators. */
    public record GroupScore(IndicatorGroup group, Text name, double points, double maxPoints, List<IndicatorScore> indicators) {
    }

    /** One indicator's figure; numerator and denominator null when its source is missing. */
    public record IndicatorScore(IndicatorCode code, IndicatorGroup group, Text name, Basis basis, Text formula, Long numerator,
                                 Long denominator, Double rate, double points, double weight, double cap, double fullAt,
                                 boolean noData, String noDataReason) {
    }
}
