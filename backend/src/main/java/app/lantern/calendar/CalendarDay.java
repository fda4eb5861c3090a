package app.lantern.calendar;

import java.time.LocalDate;

/** A day that breaks the Monday-to-Friday rule: a holiday (day off) or a compensatory working day. */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public enum Kind { HOLIDAY, COMPENSATORY_WORKING_DAY }
}
