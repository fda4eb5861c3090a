package app.lantern.calendar;

import app.lantern.calendar.internal.CalendarDayRepository;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar kept in {@code calendar_day}: read by everyone who computes a deadline,
 * changed by administrators only. The working-day calendar is cached and rebuilt after each change.
 */
@Service
public class CalendarService {

    private final CalendarDayRepository repository;
    private final AtomicReference<WorkingDays> cached = new AtomicReference<>();

    CalendarService(CalendarDayRepository repository) {
        this.repository = repository;
    }

    /** The working-day calendar as the table now says. No authorisation: deadlines are computed for everyone. */
    public WorkingDays workingDays() {
        WorkingDays days = cached.get();
        if (days == null) {
            List<CalendarDay> all = repository.all();
            days = new WorkingDays(
                    all.stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY).map(CalendarDay::day).toList(),
                    all.stream().filter(d -> d.kind() == CalendarDay.Kind.COMPENSATORY_WORKING_DAY).map(CalendarDay::day).toList());
            cached.set(days);
        }
        return days;
    }

    public Deadlines deadlines() {
        return new Deadlines(workingDays());
    }

    /** Forgets the cached calendar (after a change, or when data was loaded behind the service's back). */
    public void invalidate() {
        cached.set(null);
    }

    @PreAuthorize("isAuthenticated() and !hasAnyRole('CITIZEN', 'PARTNER')")
    @Transactional(readOnly = true)
    public List<CalendarDay> between(java.time.LocalDate from, java.time.LocalDate to) {
        return repository.between(from, to);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CalendarDay set(CalendarDay day) {
        repository.upsert(day);
        invalidateAfterCommit();
        return day;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean remove(java.time.LocalDate day) {
        boolean removed = repository.delete(day);
        invalidateAfterCommit();
        return removed;
    }

    private void invalidateAfterCommit() {
        invalidate();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            invalidate();
                        }
                    });
        }
    }
}
