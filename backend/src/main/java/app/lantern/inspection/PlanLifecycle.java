package app.lantern.inspection;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plan lifecycle as an explicit state machine: which transition leads from which status to
 * which. Who may take a step and what the plan must hold first is checked by the workflow.
 */
public final class PlanLifecycle {

    /** The steps of a plan's life. */
    public enum Transition {
        APPROVE, START, CONCLUDE, BEGIN_FOLLOW_UP, CLOSE
    }

    private static final Map<Transition, Map<PlanStatus, PlanStatus>> MOVES = new EnumMap<>(Transition.class);

    static {
        MOVES.put(Transition.APPROVE, Map.of(PlanStatus.DRAFT, PlanStatus.APPROVED));
        MOVES.put(Transition.START, Map.of(PlanStatus.APPROVED, PlanStatus.IN_PROGRESS));
        MOVES.put(Transition.CONCLUDE, Map.of(PlanStatus.IN_PROGRESS, PlanStatus.CONCLUDED));
        MOVES.put(Transition.BEGIN_FOLLOW_UP, Map.of(PlanStatus.CONCLUDED, PlanStatus.FOLLOW_UP));
        MOVES.put(Transition.CLOSE, Map.of(PlanStatus.FOLLOW_UP, PlanStatus.CLOSED));
    }

    private PlanLifecycle() {
    }

    /** The status {@code transition} leads to from {@code from}; empty when the lifecycle does not allow it. */
    public static Optional<PlanStatus> target(PlanStatus from, Transition transition) {
        return Optional.ofNullable(MOVES.get(transition).get(from));
    }
}
