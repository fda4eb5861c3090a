package app.lantern.dossier;

import app.lantern.catalogue.ProcedureStep;
import static app.lantern.dossier.DossierStatus.PROCESSING;
import static app.lantern.dossier.DossierStatus.RECEIVED;
import static app.lantern.dossier.DossierStatus.REJECTED;
import static app.lantern.dossier.DossierStatus.RESOLVED;
import static app.lantern.dossier.DossierStatus.RETURNED;
import static app.lantern.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static app.lantern.dossier.DossierStatus.WITHDRAWN;

import app.lantern.calendar.Deadlines;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lawful dossier lifecycle as an explicit state machine: which transition is allowed from which
 * status and where it leads. Everything that changes a dossier (the API and the demo generator)
 * asks this class first.
 *
 * <pre>
 * RECEIVED → PROCESSING → (SUPPLEMENT_REQUESTED ↔ PROCESSING) → RESOLVED → RETURNED
 * RECEIVED | PROCESSING → REJECTED;  RECEIVED | PROCESSING | SUPPLEMENT_REQUESTED → WITHDRAWN
 * </pre>
 * {@code ADVANCE} also moves a PROCESSING dossier to its next internal step. An apology is allowed
 * when the dossier is late or certain to be; a rating once, after RETURNED.
 */
public final class Lifecycle {

    private static final Map<Transition, Map<DossierStatus, DossierStatus>> MOVES = new EnumMap<>(Transition.class);

    static {
        move(Transition.ADVANCE, RECEIVED, PROCESSING);
        move(Transition.ADVANCE, PROCESSING, PROCESSING);
        move(Transition.REQUEST_SUPPLEMENT, PROCESSING, SUPPLEMENT_REQUESTED);
        move(Transition.RESUME_AFTER_SUPPLEMENT, SUPPLEMENT_REQUESTED, PROCESSING);
        move(Transition.RESOLVE, PROCESSING, RESOLVED);
        move(Transition.RETURN, RESOLVED, RETURNED);
        move(Transition.REJECT, RECEIVED, REJECTED);
        move(Transition.REJECT, PROCESSING, REJECTED);
        move(Transition.WITHDRAW, RECEIVED, WITHDRAWN);
        move(Transition.WITHDRAW, PROCESSING, WITHDRAWN);
        move(Transition.WITHDRAW, SUPPLEMENT_REQUESTED, WITHDRAWN);
        // status unchanged, further conditions below
        for (DossierStatus s : EnumSet.of(RECEIVED, PROCESSING, RESOLVED, RETURNED)) {
            move(Transition.ISSUE_APOLOGY, s, s);
        }
        move(Transition.RATE, RETURNED, RETURNED);
    }

    private Lifecycle() {
    }

    private static void move(Transition transition, DossierStatus from, DossierStatus to) {
        MOVES.computeIfAbsent(transition, t -> new EnumMap<>(DossierStatus.class)).put(from, to);
    }

    /** The status {@code transition} leads to from {@code from}, empty when the lifecycle forbids it. */
    public static Optional<DossierStatus> target(DossierStatus from, Transition transition) {
        return Optional.ofNullable(MOVES.getOrDefault(transition, Map.of()).get(from));
    }

    /** Statuses from which {@code transition} is allowed (before any further condition). */
    public static Set<DossierStatus> allowedFrom(Transition transition) {
        Map<DossierStatus, DossierStatus> moves = MOVES.getOrDefault(transition, Map.of());
        return moves.isEmpty() ? EnumSet.noneOf(DossierStatus.class) : EnumSet.copyOf(moves.keySet());
    }

    /**
     * Why {@code transition} may not happen now, or empty when it may.
     *
     * @param dossier the facts the rules look at
     * @param today   the Vietnamese calendar date of the request
     */
    public static Optional<String> refusal(Facts dossier, Transition transition, LocalDate today) {
        if (target(dossier.status(), transition).isEmpty()) {
            return Optional.of("A dossier in status " + dossier.status() + " cannot be " + verb(transition)
                    + "; allowed from " + allowedFrom(transition));
        }
        return switch (transition) {
            case ISSUE_APOLOGY -> dossier.late() || (dossier.status().isOpen() && !today.isBefore(dossier.dueDate()))
                    ? Optional.empty()
                    : Optional.of("An apology is issued only for a dossier that is late or certain to be late"
                            + " (still open on or after its due date " + dossier.dueDate() + ")");
            case RATE -> dossier.rated() ? Optional.of("This dossier has already been rated") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * Whether {@code ADVANCE} has somewhere to go from {@code currentStepId}: the procedure's last
     * step hands the result over and is reached by resolving, so the step after the current one
     * must not be the last. A current step not among {@code steps} counts as before the first.
     */
    public static boolean hasNextProcessingStep(List<ProcedureStep> steps, Long currentStepId) {
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (currentStepId != null && steps.get(i).key() == currentStepId) {
                at = i;
            }
        }
        return at + 1 < steps.size() - 1;
    }

    /**
     * What the rules need to know about a dossier.
     *
     * @param late  resolved after its due date
     * @param rated the applicant's satisfaction has been recorded
     */
    public record Facts(DossierStatus status, LocalDate dueDate, boolean late, boolean rated) {

        public static Facts of(DossierStatus status, LocalDate dueDate, java.time.Instant resolvedAt, Integer satisfaction) {
            return new Facts(status, dueDate, Deadlines.isLate(dueDate, resolvedAt), satisfaction != null);
        }
    }

    private static String verb(Transition transition) {
        return switch (transition) {
            case RECEIVE -> "received";
            case ADVANCE -> "advanced to a next step";
            case REQUEST_SUPPLEMENT -> "sent a supplement request";
            case RESUME_AFTER_SUPPLEMENT -> "resumed after a supplement";
            case RESOLVE -> "resolved";
            case RETURN -> "returned to the applicant";
            case REJECT -> "rejected";
            case WITHDRAW -> "withdrawn";
            case ISSUE_APOLOGY -> "given an apology letter";
            case RATE -> "rated";
        };
    }
}
