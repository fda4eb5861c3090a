package app.lantern.indicator;

import app.lantern.audit.AuditLog;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    DelayLists(DelayListRepository repository, IndicatorRepository units, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
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
        return new DelayList(unit.key(), unit.code(), unit.name(), year, month, "DRAFT", null, null, repository.live(unit, ym));
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
        List<DelayList.Entry> entries = repository.live(unit.get(), ym);
        Optional<Long> id = repository.publish(unitId, ym, clock.instant(), user.displayName(), user.username(), entries);
        if (id.isEmpty()) {
            return new Outcome(null, List.of(UserError.of("month", "ALREADY_PUBLISHED",
                    "The list of " + unit.get().code() + " for " + ym + " was published already")));
        }
        audit.record("delayList.publish", "DelayList", unit.get().code() + "/" + ym, Map.of("officials", entries.size(),
                "dossiers", entries.stream().mapToInt(DelayList.Entry::dossiers).sum()));
        return new Outcome(withEntries(List.of(repository.published(unitId, year, month).orElseThrow())).getFirst(), List.of());
    }
}
