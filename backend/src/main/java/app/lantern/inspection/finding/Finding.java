package app.lantern.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A finding as stored: what the team found at a unit, and where its recommendation stands. */
public record Finding(long key, long planId, int number, String category, String severity, String description, long unitId,
                      String status, String withdrawalReason, String recommendation, LocalDate remediationDeadline,
                      String recommendationStatus, String recordedBy, Instant recordedAt, int version) {

    /** Recommendation states that need nothing more from anyone. */
    public static final Set<String> SETTLED = Set.of("VERIFIED", "WAIVED");

    public boolean recorded() {
        return "RECORDED".equals(status);
    }

    /** Recorded, past its deadline on {@code today}, and neither verified nor waived. */
    public boolean overdueOn(LocalDate today) {
        return recorded() && remediationDeadline.isBefore(today) && !SETTLED.contains(recommendationStatus);
    }
}
