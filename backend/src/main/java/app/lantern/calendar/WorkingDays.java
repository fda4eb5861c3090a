package app.lantern.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day calendar of Vietnamese state agencies: Monday to Friday, minus public holidays
 * (and the days off swapped or given in compensation for them), plus compensatory working
 * Saturdays. Immutable; built from the {@code calendar_day} table by {@link CalendarService}.
 *
 * <p>Counting rule (Decree 61/2018, Art. 5 and Circular 01/2018): a period of N working days
 * starts on the working day after receipt, so a dossier received on any day, working or not, is due
 * on the N-th working day strictly after the receipt date.
 */
public final class WorkingDays {

    /** Dates and deadlines are Vietnamese calendar dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingWeekendDays;

    public WorkingDays(Collection<LocalDate> daysOff, Collection<LocalDate> workingWeekendDays) {
        this.daysOff = Set.copyOf(new TreeSet<>(daysOff));
        this.workingWeekendDays = Set.copyOf(new TreeSet<>(workingWeekendDays));
    }

    /** The calendar as Vietnam's public holidays 2021–2026 make it ({@link VietnamHolidays}). */
    public static WorkingDays vietnam() {
        return VietnamHolidays.calendar();
    }

    public static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekendDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The {@code n}-th working day strictly after {@code start}; {@code start} itself when {@code n}
     * is 0 or less.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        LocalDate date = start;
        for (int i = 0; i < n; i++) {
            date = nextWorkingDay(date);
        }
        return date;
    }

    /** Working days in {@code (from, to]}: those used between two dates; 0 when {@code to <= from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
