package app.lantern.calendar.graphql;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarService;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The holiday calendar: read by staff, maintained by administrators. */
@Controller
class CalendarController {

    private final CalendarService calendar;
    private final CalendarAdmin admin;

    CalendarController(CalendarService calendar, CalendarAdmin admin) {
        this.calendar = calendar;
        this.admin = admin;
    }

    @QueryMapping
    List<CalendarDay> calendarDays(@Argument LocalDate from, @Argument LocalDate to) {
        if (to.isBefore(from) || from.plusYears(3).isBefore(to)) {
            throw new InvalidInputException("to", "'to' must be on or after 'from' and at most 3 years later");
        }
        return calendar.between(from, to);
    }

    @QueryMapping
    LocalDate dueDate(@Argument LocalDate receivedOn, @Argument int workingDays) {
        if (workingDays < 0 || workingDays > 365) {
            throw new InvalidInputException("workingDays", "workingDays must be between 0 and 365");
        }
        calendar.between(receivedOn, receivedOn); // the same access rule as reading the calendar
        return calendar.deadlines().dueDate(receivedOn, workingDays);
    }

    record CalendarDaySetInput(LocalDate day, CalendarDay.Kind kind, String name) {
    }

    record CalendarDayRemoveInput(LocalDate day) {
    }

    record CalendarDayPayload(CalendarDay calendarDay, List<UserError> userErrors) {
    }

    @MutationMapping
    CalendarDayPayload calendarDaySet(@Argument CalendarDaySetInput input) {
        admin.checkAllowed();
        List<UserError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(UserError.of("name", name.isEmpty() ? "REQUIRED" : "TOO_LONG", "Give the day a name of 1–200 characters"));
        }
        DayOfWeek dow = input.day().getDayOfWeek();
        if (input.kind() == CalendarDay.Kind.COMPENSATORY_WORKING_DAY && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
            errors.add(UserError.of("kind", "NOT_A_WEEKEND_DAY", "A compensatory working day must be a Saturday or Sunday; "
                    + input.day() + " is a " + dow));
        }
        if (!errors.isEmpty()) {
            return new CalendarDayPayload(null, errors);
        }
        return new CalendarDayPayload(admin.set(new CalendarDay(input.day(), input.kind(), name)), List.of());
    }

    @MutationMapping
    CalendarDayPayload calendarDayRemove(@Argument CalendarDayRemoveInput input) {
        if (!admin.remove(input.day())) {
            return new CalendarDayPayload(null, List.of(UserError.of("day", "NOT_FOUND", "No calendar entry on " + input.day())));
        }
        return new CalendarDayPayload(null, List.of());
    }

    /** The administrator's changes: each one transaction with its audit record. */
    @org.springframework.stereotype.Service
    public static class CalendarAdmin {
        private final CalendarService calendar;
        private final AuditLog audit;

        CalendarAdmin(CalendarService calendar, AuditLog audit) {
            this.calendar = calendar;
            this.audit = audit;
        }

        @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
        public void checkAllowed() {
        }

        @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
        @org.springframework.transaction.annotation.Transactional
        public CalendarDay set(CalendarDay day) {
            CalendarDay stored = calendar.set(day);
            audit.record("calendarDay.set", "CalendarDay", day.day(), Map.of("kind", day.kind().name(), "name", day.name()));
            return stored;
        }

        @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
        @org.springframework.transaction.annotation.Transactional
        public boolean remove(LocalDate day) {
            boolean removed = calendar.remove(day);
            if (removed) {
                audit.record("calendarDay.remove", "CalendarDay", day, Map.of());
            }
            return removed;
        }
    }
}
