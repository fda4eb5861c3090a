package app.lantern.dossier;

import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What each transition does to a dossier's lifecycle fields: the one definition behind both the
 * SPA's changes ({@link DossierWorkflow}) and partner timelines replayed for the sync
 * ({@link DossierReplay}). {@link Lifecycle} says whether a move is allowed and where it leads;
 * this class says what the move records: status, due date and supplement clock, result, lateness,
 * closing, rejection, apology, rating, and the facts kept with the event. Pure: callers store the
 * fields and the event.
 */
public final class LifecycleEffects {

    private LifecycleEffects() {
    }

    /** What the request or the partner's event says besides the transition; fields a transition does not use are null. */
    public record Input(String reason, String result, Boolean digitisedResult, String rejectCategory, LocalDate newAppointmentDate,
                        String apologyCategory, Integer satisfaction) {
    }

    /** Why the input cannot make the transition; {@code field} names the input's field at fault. */
    public record Refusal(String field, String code, String message) {
    }

    /** The mutable lifecycle fields of a dossier being changed. */
    public static final class Fields {
        public DossierStatus status;
        public Instant receivedAt;
        public LocalDate dueDate;
        public LocalDate clockStartedOn;
        public int daysUsedBefore;
        public Long currentStepId;
        public Long currentOfficialId;
        public String result;
        public Instant resolvedAt;
        public Instant returnedAt;
        public Instant closedAt;
        public boolean late;
        public boolean digitisedResult;
        public Integer satisfaction;
        public String apologyReason;
        public LocalDate apologyNewDate;
        public Instant apologyIssuedAt;
        public String apologyCategory;
        public String rejectCategory;
        public String rejectReason;

        /** The facts {@link Lifecycle#refusal} looks at. */
        public Lifecycle.Facts facts() {
            return Lifecycle.Facts.of(status, dueDate, resolvedAt, satisfaction);
        }
    }

    /**
     * The fields of a dossier received at {@code at}: RECEIVED, its clock started that day and its
     * due date counted by {@code rules}; puts the due date into {@code details}.
     */
    public static Fields receive(Instant at, int statutoryWorkingDays, Deadlines rules, Map<String, Object> details) {
        Fields f = new Fields();
        LocalDate day = WorkingDays.localDate(at);
        f.status = DossierStatus.RECEIVED;
        f.receivedAt = at;
        f.clockStartedOn = day;
        f.dueDate = rules.dueDate(day, statutoryWorkingDays);
        details.put("dueDate", f.dueDate.toString());
        return f;
    }

    /**
     * What the input of {@code transition} must give before the dossier is looked at: the
     * reasons, the result, the rejection category, the new appointment date and the rating.
     */
    public static Optional<Refusal> inputRefusal(Transition transition, Input in) {
        String why = trim(in.reason());
        return switch (transition) {
            case REQUEST_SUPPLEMENT -> why == null ? refuse("reason", "REQUIRED", "Say what the applicant must supplement") : none();
            case RESOLVE -> trim(in.result()) == null
                    ? refuse("result", "REQUIRED", "Enter the result, e.g. the decision's number") : none();
            case REJECT -> why == null ? refuse("reason", "REQUIRED", "A refusal needs a written reason")
                    : in.rejectCategory() == null ? refuse("rejectCategory", "REQUIRED", "A refusal needs a reason category") : none();
            case ISSUE_APOLOGY -> why == null ? refuse("reason", "REQUIRED", "An apology letter states why the dossier is late")
                    : in.newAppointmentDate() == null
                    ? refuse("newAppointmentDate", "REQUIRED", "An apology letter gives a new appointment date") : none();
            case RATE -> in.satisfaction() == null || in.satisfaction() < 1 || in.satisfaction() > 5
                    ? refuse("satisfaction", "OUT_OF_RANGE", "Satisfaction is rated from 1 to 5") : none();
            default -> none();
        };
    }

    /**
     * Makes {@code transition}, already allowed by {@link Lifecycle#refusal} and with an input
     * {@link #inputRefusal} accepts, at {@code at}: sets {@code f}'s fields and puts the facts to
     * record with the event into {@code details}. Refuses (changing nothing) only an apology whose
     * new appointment is not after the due date or is before the apology's day.
     *
     * @param statutoryWorkingDays the procedure's processing time, asked only when resuming after a supplement
     */
    public static Optional<Refusal> apply(Fields f, Transition transition, Input in, Instant at, Deadlines rules,
                                          IntSupplier statutoryWorkingDays, Map<String, Object> details) {
        DossierStatus to = Lifecycle.target(f.status, transition)
                .orElseThrow(() -> new IllegalStateException(transition + " is not allowed from " + f.status));
        LocalDate day = WorkingDays.localDate(at);
        String why = trim(in.reason());
        switch (transition) {
            case ADVANCE -> {
            }
            case REQUEST_SUPPLEMENT -> {
                f.daysUsedBefore = rules.workingDaysUsed(f.clockStartedOn, f.daysUsedBefore, day);
                details.put("workingDaysUsed", f.daysUsedBefore);
            }
            case RESUME_AFTER_SUPPLEMENT -> {
                f.clockStartedOn = day;
                f.dueDate = rules.dueDateAfterSupplement(day, statutoryWorkingDays.getAsInt(), f.daysUsedBefore);
                details.put("newDueDate", f.dueDate.toString());
            }
            case RESOLVE -> {
                f.result = trim(in.result());
                f.resolvedAt = at;
                f.closedAt = at;
                f.late = Deadlines.isLate(f.dueDate, at);
                f.digitisedResult = Boolean.TRUE.equals(in.digitisedResult());
                details.put("late", f.late);
            }
            case RETURN -> {
                f.returnedAt = at;
                f.currentOfficialId = null;
            }
            case REJECT -> {
                f.rejectCategory = in.rejectCategory();
                f.rejectReason = why;
                f.closedAt = at;
                f.currentStepId = null;
                f.currentOfficialId = null;
                details.put("category", in.rejectCategory());
            }
            case WITHDRAW -> {
                f.closedAt = at;
                f.currentStepId = null;
                f.currentOfficialId = null;
            }
            case ISSUE_APOLOGY -> {
                LocalDate promised = in.newAppointmentDate();
                if (!promised.isAfter(f.dueDate) || promised.isBefore(day)) {
                    return refuse("newAppointmentDate", "INVALID_DATE", "The new appointment must be after the due date "
                            + f.dueDate + " and not before the apology's day " + day);
                }
                f.apologyReason = why;
                f.apologyNewDate = promised;
                f.apologyIssuedAt = at;
                f.apologyCategory = in.apologyCategory();
                details.put("newAppointmentDate", promised.toString());
                if (in.apologyCategory() != null) {
                    details.put("category", in.apologyCategory());
                }
            }
            case RATE -> {
                f.satisfaction = in.satisfaction();
                details.put("satisfaction", f.satisfaction);
            }
            case RECEIVE -> throw new IllegalStateException("A dossier is received by receive(), not by a transition");
        }
        f.status = to;
        return none();
    }

    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Optional<Refusal> refuse(String field, String code, String message) {
        return Optional.of(new Refusal(field, code, message));
    }

    private static Optional<Refusal> none() {
        return Optional.empty();
    }
}
