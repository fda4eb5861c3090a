package app.lantern.dossier;

import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays a dossier's events, as another system recorded them, through the rules a dossier changed in
 * Lantern follows: each move is checked by {@link Lifecycle} on the day it happened, and makes the
 * changes {@link LifecycleEffects} defines for it, the same definition {@code DossierWorkflow} uses
 * (due date, supplement pause, lateness, closing, …). Pure: the caller stores the resulting state
 * and events.
 */
public final class DossierReplay {

    private DossierReplay() {
    }

    /** One event as recorded elsewhere; the fields a transition does not use are null. */
    public record Event(Transition transition, Instant at, String reason, String result, Boolean digitisedResult,
                        String rejectCategory, LocalDate newAppointmentDate, Integer satisfaction) {

        LifecycleEffects.Input input() {
            return new LifecycleEffects.Input(reason, result, digitisedResult, rejectCategory, newAppointmentDate, null, satisfaction);
        }
    }

    /** The lifecycle fields of a dossier. */
    public record State(DossierStatus status, Instant receivedAt, LocalDate dueDate, LocalDate clockStartedOn, int daysUsedBefore,
                        Long currentStepId, Long currentOfficialId, String result, Instant resolvedAt, Instant returnedAt, Instant closedAt, boolean late,
                        boolean digitisedResult, Integer satisfaction, String apologyReason, LocalDate apologyNewDate,
                        Instant apologyIssuedAt, String rejectCategory, String rejectReason) {

        static State of(LifecycleEffects.Fields f) {
            return new State(f.status, f.receivedAt, f.dueDate, f.clockStartedOn, f.daysUsedBefore, f.currentStepId, f.currentOfficialId,
                    f.result, f.resolvedAt, f.returnedAt,
                    f.closedAt, f.late, f.digitisedResult, f.satisfaction, f.apologyReason, f.apologyNewDate, f.apologyIssuedAt,
                    f.rejectCategory, f.rejectReason);
        }

        LifecycleEffects.Fields toFields() {
            LifecycleEffects.Fields f = new LifecycleEffects.Fields();
            f.status = status;
            f.receivedAt = receivedAt;
            f.dueDate = dueDate;
            f.clockStartedOn = clockStartedOn;
            f.daysUsedBefore = daysUsedBefore;
            f.currentStepId = currentStepId;
            f.currentOfficialId = currentOfficialId;
            f.result = result;
            f.resolvedAt = resolvedAt;
            f.returnedAt = returnedAt;
            f.closedAt = closedAt;
            f.late = late;
            f.digitisedResult = digitisedResult;
            f.satisfaction = satisfaction;
            f.apologyReason = apologyReason;
            f.apologyNewDate = apologyNewDate;
            f.apologyIssuedAt = apologyIssuedAt;
            f.rejectCategory = rejectCategory;
            f.rejectReason = rejectReason;
            return f;
        }
    }

    /** An applied event: the move it made and the facts to record with it (those {@link LifecycleEffects} gives). */
    public record Applied(Event event, DossierStatus from, DossierStatus to, Map<String, Object> details) {
    }

    /** Why the event at {@code index} cannot be applied; {@code field} names the event's field at fault. */
    public record Refusal(int index, String field, String code, String message) {
    }

    /** The state after the events, the moves they made, or the first refusal (then nothing else). */
    public record Result(State state, List<Applied> applied, Refusal refusal) {
    }

    /**
     * Applies {@code events} to {@code start} (null for a dossier not yet received, whose first
     * event must then be {@code RECEIVE}).
     *
     * @param previousAt the time of the last event already applied to {@code start}, if any
     * @param now        events after this instant are refused
     */
    public static Result replay(State start, Instant previousAt, List<Event> events, int statutoryWorkingDays, Deadlines rules,
                                Instant now, int firstIndex) {
        LifecycleEffects.Fields s = start == null ? null : start.toFields();
        Instant last = previousAt;
        List<Applied> applied = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            int index = firstIndex + i;
            if (e.at() == null || e.at().isAfter(now)) {
                return refused(index, "at", "INVALID_TIME", "An event cannot happen in the future (now " + now + ")");
            }
            if (last != null && e.at().isBefore(last)) {
                return refused(index, "at", "OUT_OF_ORDER", "Events are sent oldest first; this one is before the previous one (" + last + ")");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            if (e.transition() == Transition.RECEIVE) {
                if (s != null) {
                    return refused(index, "transition", "TRANSITION_NOT_ALLOWED", "A dossier is received once, by its first event");
                }
                s = LifecycleEffects.receive(e.at(), statutoryWorkingDays, rules, details);
                applied.add(new Applied(e, null, DossierStatus.RECEIVED, details));
                last = e.at();
                continue;
            }
            if (s == null) {
                return refused(index, "transition", "RECEIVE_FIRST", "The first event of a dossier is RECEIVE");
            }
            Optional<String> refusal = Lifecycle.refusal(s.facts(), e.transition(), WorkingDays.localDate(e.at()));
            if (refusal.isPresent()) {
                return refused(index, "transition", "TRANSITION_NOT_ALLOWED", refusal.get() + " (status then: " + s.status + ")");
            }
            LifecycleEffects.Input input = e.input();
            Optional<LifecycleEffects.Refusal> wrong = LifecycleEffects.inputRefusal(e.transition(), input);
            DossierStatus from = s.status;
            if (wrong.isEmpty()) {
                wrong = LifecycleEffects.apply(s, e.transition(), input, e.at(), rules, () -> statutoryWorkingDays, details);
            }
            if (wrong.isPresent()) {
                return refused(index, wrong.get().field(), wrong.get().code(), wrong.get().message());
            }
            applied.add(new Applied(e, from, s.status, details));
            last = e.at();
        }
        return new Result(s == null ? null : State.of(s), applied, null);
    }

    private static Result refused(int index, String field, String code, String message) {
        return new Result(null, List.of(), new Refusal(index, field, code, message));
    }
}
