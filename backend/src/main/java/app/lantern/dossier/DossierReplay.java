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
 * Lantern follows: each move is checked by {@link Lifecycle} on the day it happened, and due date,
 * supplement pause and lateness are counted by {@link Deadlines} as {@code DossierWorkflow} counts
 * them. Pure: the caller stores the resulting state and events.
 */
public final class DossierReplay {

    private DossierReplay() {
    }

    /** One event as recorded elsewhere; the fields a transition does not use are null. */
    public record Event(Transition transition, Instant at, String reason, String result, Boolean digitisedResult,
                        String rejectCategory, LocalDate newAppointmentDate, Integer satisfaction) {
    }

    /** The lifecycle fields of a dossier. */
    public record State(DossierStatus status, Instant receivedAt, LocalDate dueDate, LocalDate clockStartedOn, int daysUsedBefore,
                        String result, Instant resolvedAt, Instant returnedAt, Instant closedAt, boolean late,
                        boolean digitisedResult, Integer satisfaction, String apologyReason, LocalDate apologyNewDate,
                        Instant apologyIssuedAt, String rejectCategory, String rejectReason) {

        public static State of(Dossier d) {
            return new State(d.status(), d.receivedAt(), d.dueDate(), d.clockStartedOn(), d.daysUsedBefore(), d.result(),
                    d.resolvedAt(), d.returnedAt(), d.closedAt(), d.late(), d.digitisedResult(), d.satisfaction(), d.apologyReason(),
                    d.apologyNewDate(), d.apologyIssuedAt(), d.rejectCategory(), d.rejectReason());
        }
    }

    /** An applied event: the move it made and the facts to record with it (as {@code DossierWorkflow} records them). */
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
        Draft s = start == null ? null : new Draft(start);
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
            LocalDate day = WorkingDays.localDate(e.at());
            Map<String, Object> details = new LinkedHashMap<>();
            if (e.transition() == Transition.RECEIVE) {
                if (s != null) {
                    return refused(index, "transition", "TRANSITION_NOT_ALLOWED", "A dossier is received once, by its first event");
                }
                s = new Draft();
                s.status = DossierStatus.RECEIVED;
                s.receivedAt = e.at();
                s.clockStartedOn = day;
                s.dueDate = rules.dueDate(day, statutoryWorkingDays);
                details.put("dueDate", s.dueDate.toString());
                applied.add(new Applied(e, null, DossierStatus.RECEIVED, details));
                last = e.at();
                continue;
            }
            if (s == null) {
                return refused(index, "transition", "RECEIVE_FIRST", "The first event of a dossier is RECEIVE");
            }
            Optional<String> refusal = Lifecycle.refusal(Lifecycle.Facts.of(s.status, s.dueDate, s.resolvedAt, s.satisfaction),
                    e.transition(), day);
            if (refusal.isPresent()) {
                return refused(index, "transition", "TRANSITION_NOT_ALLOWED", refusal.get() + " (status then: " + s.status + ")");
            }
            DossierStatus from = s.status;
            String why = trim(e.reason());
            switch (e.transition()) {
                case ADVANCE -> {
                }
                case REQUEST_SUPPLEMENT -> {
                    if (why == null) {
                        return refused(index, "reason", "REQUIRED", "Say what the applicant must supplement");
                    }
                    s.daysUsedBefore = rules.workingDaysUsed(s.clockStartedOn, s.daysUsedBefore, day);
                    details.put("workingDaysUsed", s.daysUsedBefore);
                }
                case RESUME_AFTER_SUPPLEMENT -> {
                    s.clockStartedOn = day;
                    s.dueDate = rules.dueDateAfterSupplement(day, statutoryWorkingDays, s.daysUsedBefore);
                    details.put("newDueDate", s.dueDate.toString());
                }
                case RESOLVE -> {
                    String result = trim(e.result());
                    if (result == null) {
                        return refused(index, "result", "REQUIRED", "Enter the result, e.g. the decision's number");
                    }
                    s.result = result;
                    s.resolvedAt = e.at();
                    s.closedAt = e.at();
                    s.late = Deadlines.isLate(s.dueDate, e.at());
                    s.digitisedResult = Boolean.TRUE.equals(e.digitisedResult());
                    details.put("late", s.late);
                }
                case RETURN -> s.returnedAt = e.at();
                case REJECT -> {
                    if (why == null) {
                        return refused(index, "reason", "REQUIRED", "A refusal needs a written reason");
                    }
                    if (e.rejectCategory() == null) {
                        return refused(index, "rejectCategory", "REQUIRED", "A refusal needs a reason category");
                    }
                    s.rejectCategory = e.rejectCategory();
                    s.rejectReason = why;
                    s.closedAt = e.at();
                    details.put("category", e.rejectCategory());
                }
                case WITHDRAW -> s.closedAt = e.at();
                case ISSUE_APOLOGY -> {
                    if (why == null) {
                        return refused(index, "reason", "REQUIRED", "An apology letter states why the dossier is late");
                    }
                    LocalDate promised = e.newAppointmentDate();
                    if (promised == null) {
                        return refused(index, "newAppointmentDate", "REQUIRED", "An apology letter gives a new appointment date");
                    }
                    if (!promised.isAfter(s.dueDate) || promised.isBefore(day)) {
                        return refused(index, "newAppointmentDate", "INVALID_DATE", "The new appointment must be after the due date "
                                + s.dueDate + " and not before the apology's day " + day);
                    }
                    s.apologyReason = why;
                    s.apologyNewDate = promised;
                    s.apologyIssuedAt = e.at();
                    details.put("newAppointmentDate", promised.toString());
                }
                case RATE -> {
                    if (e.satisfaction() == null || e.satisfaction() < 1 || e.satisfaction() > 5) {
                        return refused(index, "satisfaction", "OUT_OF_RANGE", "Satisfaction is rated from 1 to 5");
                    }
                    s.satisfaction = e.satisfaction();
                    details.put("satisfaction", s.satisfaction);
                }
                case RECEIVE -> throw new IllegalStateException("handled above");
            }
            s.status = Lifecycle.target(from, e.transition()).orElseThrow();
            applied.add(new Applied(e, from, s.status, details));
            last = e.at();
        }
        return new Result(s == null ? null : s.toState(), applied, null);
    }

    private static Result refused(int index, String field, String code, String message) {
        return new Result(null, List.of(), new Refusal(index, field, code, message));
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final class Draft {
        DossierStatus status;
        Instant receivedAt;
        LocalDate dueDate;
        LocalDate clockStartedOn;
        int daysUsedBefore;
        String result;
        Instant resolvedAt;
        Instant returnedAt;
        Instant closedAt;
        boolean late;
        boolean digitisedResult;
        Integer satisfaction;
        String apologyReason;
        LocalDate apologyNewDate;
        Instant apologyIssuedAt;
        String rejectCategory;
        String rejectReason;

        Draft() {
        }

        Draft(State s) {
            status = s.status();
            receivedAt = s.receivedAt();
            dueDate = s.dueDate();
            clockStartedOn = s.clockStartedOn();
            daysUsedBefore = s.daysUsedBefore();
            result = s.result();
            resolvedAt = s.resolvedAt();
            returnedAt = s.returnedAt();
            closedAt = s.closedAt();
            late = s.late();
            digitisedResult = s.digitisedResult();
            satisfaction = s.satisfaction();
            apologyReason = s.apologyReason();
            apologyNewDate = s.apologyNewDate();
            apologyIssuedAt = s.apologyIssuedAt();
            rejectCategory = s.rejectCategory();
            rejectReason = s.rejectReason();
        }

        State toState() {
            return new State(status, receivedAt, dueDate, clockStartedOn, daysUsedBefore, result, resolvedAt, returnedAt, closedAt,
                    late, digitisedResult, satisfaction, apologyReason, apologyNewDate, apologyIssuedAt, rejectCategory, rejectReason);
        }
    }
}
