package app.lantern.inspection.finding;

import app.lantern.inspection.PlanStatistics;
import java.time.Instant;
import java.util.List;

/**
 * A plan's conclusion: the lead's summary and the figures as they stood when it was issued, per
 * target unit ({@code statistics}) and for the whole plan ({@code totals}, null for callers who see
 * only their own unit's part).
 */
public record InspectionConclusion(long planId, String summary, Instant issuedAt, String issuedBy, List<PlanStatistics> statistics,
                                   PlanStatistics totals) {
}
