package app.lantern.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Weights, caps and band thresholds in force from {@code effectiveFrom} until the next rule set.
 *
 * @param key            the row's id, null before it is stored
 * @param groups         the six groups in display order
 * @param excellentFrom  lowest total of the EXCELLENT band
 * @param goodFrom       lowest total of GOOD
 * @param averageFrom    lowest total of AVERAGE; below is WEAK
 */
public record RuleSet(Long key, String name, LocalDate effectiveFrom, List<GroupRule> groups, double excellentFrom,
                      double goodFrom, double averageFrom, Instant createdAt, String createdBy) {

    /** An indicator's weighting: {@code points = min(cap, weight × rate ÷ fullAt)}. */
    public record Rule(IndicatorCode code, double weight, double cap, double fullAt) {
    }

    /** A group's maximum and its indicators. */
    public record GroupRule(IndicatorGroup group, double maxPoints, List<Rule> indicators) {
    }

    public Band band(double total) {
        return total >= excellentFrom ? Band.EXCELLENT : total >= goodFrom ? Band.GOOD : total >= averageFrom ? Band.AVERAGE : Band.WEAK;
    }

    /** The bands of the SDL's {@code IndicatorBand}. */
    public enum Band {
        EXCELLENT, GOOD, AVERAGE, WEAK
    }
}
