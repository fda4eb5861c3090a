package app.lantern.inspection.selfreport;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A self-inspection report's life: the unit writes a {@code DRAFT} and submits it; the team
 * returns it (the unit edits and submits again) or accepts it. Who takes which step is checked by
 * {@link SelfReports}.
 */
public final class ReportLifecycle {

    /** Where a report stands. */
    public enum Status {
        DRAFT, SUBMITTED, RETURNED, ACCEPTED;

        /** The unit edits its report only while it is a draft or returned. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    /** The steps: the unit submits, the team returns or accepts. */
    public enum Step {
        SUBMIT, RETURN, ACCEPT
    }

    private static final Map<Step, Map<Status, Status>> MOVES = new EnumMap<>(Step.class);

    static {
        MOVES.put(Step.SUBMIT, Map.of(Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.SUBMITTED));
        MOVES.put(Step.RETURN, Map.of(Status.SUBMITTED, Status.RETURNED));
        MOVES.put(Step.ACCEPT, Map.of(Status.SUBMITTED, Status.ACCEPTED));
    }

    private ReportLifecycle() {
    }

    /** The status {@code step} leads to from {@code from}; empty when not allowed. */
    public static Optional<Status> target(Status from, Step step) {
        return Optional.ofNullable(MOVES.get(step).get(from));
    }
}
