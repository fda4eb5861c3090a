package app.lantern.inspection;

import java.util.List;

/** Which plans to list; null fields do not filter. */
public record PlanFilter(List<PlanStatus> status, String text) {

    /** A plan list's sort key: {@code ISSUE_DATE}, {@code NUMBER} or {@code CREATED}; ties broken by creation order. */
    public record Order(String field, boolean descending) {

        public static final Order NEWEST_FIRST = new Order("CREATED", true);
    }
}
