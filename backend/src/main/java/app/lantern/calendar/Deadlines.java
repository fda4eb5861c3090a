package app.lantern.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The deadline rules of DOMAIN.md over a {@link WorkingDays} calendar: due dates, the supplement
 * pause, and what "late", "overdue" and "carried over" mean. Pure functions, hand-checked in
 * {@code DeadlinesTest}.
 */
public final class Deadlines {

    private final WorkingDays days;

    public Deadlines(WorkingDays days) {
        this.days = days;
    }

    public WorkingDays days() {
        return days;
    }

    /** Due date of a dossier received on {@code receivedOn}: the N-th working day after it. */
    public LocalDate dueDate(LocalDate receivedOn, int statutoryWorkingDays) {
        return days.addWorkingDays(receivedOn, statutoryWorkingDays);
    }

    public LocalDate dueDate(Instant receivedAt, int statutoryWorkingDays) {
        return dueDate(WorkingDays.localDate(receivedAt), statutoryWorkingDays);
    }

    /**
     * Working days the unit had used when it asked for a supplement on {@code pausedOn}: those after
     * the clock (re)started and up to the request, plus any used before an earlier pause.
     *
     * @param clockStart   the receipt date, or the day the complete dossier came back after an earlier pause
     * @param usedBefore   working days used before {@code clockStart}
     */
    public int workingDaysUsed(LocalDate clockStart, int usedBefore, LocalDate pausedOn) {
        return usedBefore + days.workingDaysBetween(clockStart, pausedOn);
    }

    /**
     * The new due date once the complete dossier is back on {@code resumedOn}: the days already used
     * stay used, and counting resumes on the working day after. When the allowance was used up
     * before the pause, the dossier is due the day it comes back.
     */
    public LocalDate dueDateAfterSupplement(LocalDate resumedOn, int statutoryWorkingDays, int usedBeforePause) {
        return days.addWorkingDays(resumedOn, Math.max(0, statutoryWorkingDays - usedBeforePause));
    }

    /** Resolved after its due date; an apology with a new appointment does not change that. */
    public static boolean isLate(LocalDate dueDate, Instant resolvedAt) {
        return resolvedAt != null && WorkingDays.localDate(resolvedAt).isAfter(dueDate);
    }

    /** Still open (not paused for a supplement) and past its due date on {@code day}. */
    public static boolean isOverdue(LocalDate dueDate, boolean clockRunning, LocalDate day) {
        return clockRunning && day.isAfter(dueDate);
    }

    /**
     * Received before the period began and still open when it began.
     *
     * @param closedAt when the dossier was resolved, rejected or withdrawn; null while open
     */
    public static boolean isCarriedOver(Instant receivedAt, Instant closedAt, LocalDate periodStart) {
        Instant start = periodStart.atStartOfDay(WorkingDays.ZONE).toInstant();
        return receivedAt.isBefore(start) && (closedAt == null || !closedAt.isBefore(start));
    }

    /**
     * Working days a step took beyond its allowance: days used in {@code (enteredOn, leftOn]}
     * minus the allowance, never negative.
     */
    public int overrun(LocalDate enteredOn, LocalDate leftOn, int pausedWorkingDays, int allowance) {
        return Math.max(0, days.workingDaysBetween(enteredOn, leftOn) - pausedWorkingDays - allowance);
    }

    /**
     * Days over the allowance for a step that used {@code used} working days. The reception step
     * (ordinal 1) may hand on the next working day without overrunning, as a dossier received online
     * on a weekend or after hours is only seen then.
     */
    public static int overrunDays(int ordinal, int used, int allowance) {
        int tolerated = ordinal == 1 ? Math.max(1, allowance) : allowance;
        return used > tolerated ? used - allowance : 0;
    }
}
