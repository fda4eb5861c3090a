package app.lantern.inspection;

import java.util.List;

/** Which plans to list; null fields do not filter. */
public record PlanFilter(List<PlanStatus> status, String text) {
}
