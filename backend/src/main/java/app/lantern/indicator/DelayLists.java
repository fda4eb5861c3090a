package app.lantern.indicator;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.CalendarService;
import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.Unit;
import app.lantern.indicator.internal.DelayListRepository;
import app.lantern.indicator.internal.IndicatorRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly delays-by-official lists (Hanoi Directive 15): staff of the unit's subtree,
 * inspectors and administrators read the live list; the unit head approves it for publication,
 * which freezes it; published lists are public.
 */
@Service
public class DelayLists {

    private final DelayListRepository repository;
    private final IndicatorRepository units;
    private final AuditLog audit;
    private final Clock clock;
    private final CalendarService calendar;

    DelayLists(DelayListRepository repository, IndicatorRepository units, AuditLog audit, Clock clock, CalendarService calendar) {
        this.repository = repository;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The name the list gives overruns no official was recorded for (the public list is in Vietnamese). */
    static final String UNATTRIBUTED = "Chưa xác định cán bộ xử lý";

    /**
     * The live list of a month: per official, the steps that ended over their allowance in the month,
     * and the steps still running at the month's end (or now, in the current month) that were already
     * over it, their days over counted to that moment (supplement pauses excluded, as the workflow counts
     * them when the step ends; a step running across months is listed in each month it was over at the
     * end of). Overruns with no official recorded make one last row without an official.
     */
    List<DelayList.Entry> live(Unit unit, YearMonth month) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDays.ZONE));
        List<Overrun> overruns = new ArrayList<>();
        repository.ended(unit, month).forEach(e -> overruns.add(new Overrun(e.dossierId(), e.officialId(), e.procedureId(), e.daysOver())));
        if (!month.atDay(1).isAfter(today)) {
            LocalDate cutoff = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
            Instant until = month.atEndOfMonth().isBefore(today)
                    ? month.plusMonths(1).atDay(1).atStartOfDay(WorkingDays.ZONE).toInstant() : clock.instant();
            List<DelayListRepository.Running> running = repository.running(unit, until);
            Map<Long, List<DelayListRepository.Pause>> pauses = new HashMap<>();
            if (!running.isEmpty()) {
                repository.pauses(running.stream().map(DelayListRepository.Running::dossierId).distinct().toList(), until)
                        .forEach(p -> pauses.computeIfAbsent(p.dossierId(), k -> new ArrayList<>()).add(p));
            }
            WorkingDays days = calendar.workingDays();
            for (DelayListRepository.Running r : running) {
                LocalDate entered = WorkingDays.localDate(r.enteredAt());
                int used = days.workingDaysBetween(entered, cutoff) - paused(days, pauses.getOrDefault(r.dossierId(), List.of()), entered, cutoff);
                int over = Deadlines.overrunDays(r.ordinal(), used, r.allowanceDays());
                if (over > 0) {
                    overruns.add(new Overrun(r.dossierId(), r.officialId(), r.procedureId(), over));
                }
            }
        }
        Map<Long, DelayListRepository.Person> people = repository.officials(overruns.stream().map(Overrun::officialId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Long, DelayListRepository.ProcedureName> names = repository.procedures(overruns.stream().map(Overrun::procedureId)
                .distinct().toList());
        Map<Long, List<Overrun>> byOfficial = new LinkedHashMap<>();
        overruns.forEach(o -> byOfficial.computeIfAbsent(o.officialId() == null ? -1L : o.officialId(), k -> new ArrayList<>()).add(o));
        List<DelayList.Entry> entries = new ArrayList<>();
        byOfficial.forEach((official, list) -> {
            Map<Long, Set<Long>> perProcedure = new HashMap<>();
            list.forEach(o -> perProcedure.computeIfAbsent(o.procedureId(), k -> new HashSet<>()).add(o.dossierId()));
            List<DelayList.ProcedureCount> procedures = perProcedure.entrySet().stream()
                    .map(e -> new DelayList.ProcedureCount(names.get(e.getKey()).nationalCode(), names.get(e.getKey()).name(), e.getValue().size()))
                    .sorted(Comparator.comparingInt(DelayList.ProcedureCount::dossiers).reversed()
                            .thenComparing(DelayList.ProcedureCount::nationalCode))
                    .toList();
            int dossiers = (int) list.stream().mapToLong(Overrun::dossierId).distinct().count();
            int daysOver = list.stream().mapToInt(Overrun::daysOver).sum();
            DelayListRepository.Person person = people.get(official);
            entries.add(person == null
                    ? new DelayList.Entry(null, UNATTRIBUTED, "", unit.name(), dossiers, list.size(), daysOver, procedures)
                    : new DelayList.Entry(person.id(), person.fullName(), person.position(), person.unitName(), dossiers, list.size(),
                            daysOver, procedures));
        });
        entries.sort(Comparator.comparing((DelayList.Entry e) -> e.officialId() == null)
                .thenComparing(Comparator.comparingInt(DelayList.Entry::daysOver).reversed())
                .thenComparing(Comparator.comparingInt(DelayList.Entry::dossiers).reversed())
                .thenComparing(DelayList.Entry::officialName)
                .thenComparing(e -> e.officialId() == null ? Long.MAX_VALUE : e.officialId()));
        return entries;
    }

    /** One overrun of a step, ended or running. */
    private record Overrun(long dossierId, Long officialId, long procedureId, int daysOver) {
    }

    /** Working days the clock was stopped for a supplement from {@code entered} to {@code cutoff}. */
    private static int paused(WorkingDays days, List<DelayListRepository.Pause> events, LocalDate entered, LocalDate cutoff) {
        int paused = 0;
        LocalDate pausedOn = null;
        for (DelayListRepository.Pause e : events) {
            LocalDate on = WorkingDays.localDate(e.at());
            if (on.isBefore(entered)) {
                continue;
            }
            if (!e.resumed()) {
                pausedOn = on;
            } else if (pausedOn != null) {
                paused += days.workingDaysBetween(pausedOn, on);
                pausedOn = null;
            }
        }
        return pausedOn == null ? paused : paused + days.workingDaysBetween(pausedOn, cutoff);
    }

    /** The published list, or the live draft, of a unit of the caller's subtree (any unit for inspectors and administrators). */
    @PreAuthorize(Access.STAFF)
    @Transactional(readOnly = true)
    public DelayList delayList(long unitId, int year, int month) {
        YearMonth ym = month(year, month);
        Unit unit = units.allUnits().stream().filter(u -> u.key() == unitId).findFirst()
                .orElseThrow(() -> new NotFoundException("No unit with this ID"));
        Scope scope = Scope.current();
        if (!scope.all() && !inSubtree(unit, scope)) {
            throw new AccessDeniedException("Unit heads read the delays lists of their own unit's subtree only");
        }
        Optional<DelayListRepository.Published> published = repository.published(unitId, year, month);
        if (published.isPresent()) {
            return withEntries(List.of(published.get())).getFirst();
        }
        return new DelayList(unit.key(), unit.code(), unit.name(), year, month, "DRAFT", null, null, live(unit, ym));
    }

    private boolean inSubtree(Unit unit, Scope scope) {
        return scope.staffUnitCode() != null && units.allUnits().stream().filter(u -> u.code().equals(scope.staffUnitCode()))
                .anyMatch(mine -> unit.path().startsWith(mine.path()));
    }

    private static YearMonth month(int year, int month) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "Give a year between 2000 and 2100");
        }
        if (month < 1 || month > 12) {
            throw new InvalidInputException("month", "A month is numbered 1 to 12");
        }
        return YearMonth.of(year, month);
    }

    /** A published list; public. */
    @Transactional(readOnly = true)
    public Optional<DelayList> published(String unitCode, int year, int month) {
        month(year, month);
        return repository.published(unitCode, year, month).map(p -> withEntries(List.of(p)).getFirst());
    }

    /** Published lists, newest month first; public. */
    @Transactional(readOnly = true)
    public Connection<DelayList> publishedPage(String unitCode, Integer year, PageRequest page, boolean withTotal) {
        List<DelayListRepository.Published> rows = repository.publishedPage(unitCode, year, page);
        Connection<DelayListRepository.Published> keys = Connection.of(rows, page, DelayListRepository::cursor,
                withTotal ? () -> repository.publishedCount(unitCode, year) : null);
        List<DelayList> lists = withEntries(keys.nodes());
        List<Connection.Edge<DelayList>> edges = new java.util.ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            edges.add(new Connection.Edge<>(keys.edges().get(i).cursor(), lists.get(i)));
        }
        return new Connection<>(edges, lists, keys.pageInfo(), keys.totalCount());
    }

    private List<DelayList> withEntries(List<DelayListRepository.Published> lists) {
        Map<Long, List<DelayList.Entry>> entries = repository.entries(lists.stream().map(DelayListRepository.Published::id).toList());
        return lists.stream().map(p -> new DelayList(p.unitId(), p.unitCode(), p.unitName(), p.year(), p.month(), "PUBLISHED",
                p.publishedAt(), p.publishedBy(), entries.getOrDefault(p.id(), List.of()))).toList();
    }

    /** The published list, or the reasons nothing was published. */
    public record Outcome(DelayList delayList, List<UserError> userErrors) {
    }

    /** The unit head approves a past month's list of their subtree for publication: frozen as it stands, audited. */
    @PreAuthorize(Access.UNIT_STAFF)
    @Transactional
    public Outcome publish(long unitId, int year, int month) {
        Scope scope = Scope.current();
        Optional<Unit> unit = units.allUnits().stream().filter(u -> u.key() == unitId).findFirst();
        if (unit.isEmpty() || !inSubtree(unit.get(), scope)) {
            return new Outcome(null, List.of(UserError.of("unitId", "NOT_FOUND", "No unit of yours with this ID")));
        }
        if (year < 2000 || year > 2100) {
            return new Outcome(null, List.of(UserError.of("year", "OUT_OF_RANGE", "Give a year between 2000 and 2100")));
        }
        if (month < 1 || month > 12) {
            return new Outcome(null, List.of(UserError.of("month", "OUT_OF_RANGE", "A month is numbered 1 to 12")));
        }
        YearMonth ym = YearMonth.of(year, month);
        LocalDate today = LocalDate.now(clock.withZone(WorkingDays.ZONE));
        if (!ym.atEndOfMonth().isBefore(today)) {
            return new Outcome(null, List.of(UserError.of("month", "MONTH_NOT_ENDED",
                    "A month's list can be published once the month has ended")));
        }
        CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow();
        List<DelayList.Entry> entries = live(unit.get(), ym);
        Optional<Long> id = repository.publish(unitId, ym, clock.instant(), user.displayName(), user.username(), entries);
        if (id.isEmpty()) {
            return new Outcome(null, List.of(UserError.of("month", "ALREADY_PUBLISHED",
                    "The list of " + unit.get().code() + " for " + ym + " was published already")));
        }
        audit.record("delayList.publish", "DelayList", unit.get().code() + "/" + ym, Map.of("officials", entries.stream().filter(e -> !e.unattributed()).count(),
                "dossiers", entries.stream().mapToInt(DelayList.Entry::dossiers).sum()));
        return new Outcome(withEntries(List.of(repository.published(unitId, year, month).orElseThrow())).getFirst(), List.of());
    }
}
