package app.lantern.inspection.finding;

import java.util.List;

/**
 * A unit head's to-do list as {@code Query.inspectionInbox} answers it: the recommendations to act
 * on (loaded with the inbox, so that callers who may not read inspections are refused there). The
 * self-inspection reports are mapped by the self-report feature.
 */
public record InspectionInbox(List<Finding> recommendations) {
}
