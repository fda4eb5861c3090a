package app.lantern.indicator;

import app.lantern.calendar.CalendarService;
import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierQueries;
import app.lantern.indicator.internal.IndicatorRepository;
import app.lantern.indicator.internal.WorklistRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a unit head acts on today: the overdue backlog by unit and procedure, and the dossiers due
 * within a few working days. Inspectors and administrators: any unit; unit heads: their subtree.
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class Worklists {

    static final int MAX_WORKING_DAYS = 30;

    private final WorklistRepository repository;
    private final IndicatorRepository units;
    private final DossierQueries dossiers;
    private final CalendarService calendar;
    private final Clock clock;

    Worklists(WorklistRepository repository, IndicatorRepository units, DossierQueries dossiers, CalendarService calendar, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Overdue dossiers of one procedure at one unit; {@code cursor} places it in the backlog's order. */
    public record BacklogRow(long unitId, long procedureId, int overdue, LocalDate oldestDueDate, int open, String cursor) {
    }

    /** A page of the backlog as of {@code asOf}: totals over all rows, the page's rows and where it stands. */
    public record Backlog(LocalDate asOf, long totalOverdue, long rowCount, List<BacklogRow> rows, Connection.PageInfo pageInfo) {
    }

    public Backlog overdueBacklog(Long unitId, PageRequest page) {
        LocalDate today = today();
        List<Long> counted = subtree(unitId);
        long[] totals = repository.backlogTotals(counted, today);
        Connection<BacklogRow> rows = Connection.of(repository.backlog(counted, today, page), page, BacklogRow::cursor, null);
        return new Backlog(today, totals[1], totals[0], rows.nodes(), rows.pageInfo());
    }

    public Connection<Dossier> nearlyDue(Long unitId, int withinWorkingDays, PageRequest page, boolean withTotal) {
        if (withinWorkingDays < 0 || withinWorkingDays > MAX_WORKING_DAYS) {
            throw new InvalidInputException("withinWorkingDays", "Look 0 to " + MAX_WORKING_DAYS + " working days ahead");
        }
        List<Long> counted = subtree(unitId);
        LocalDate today = today();
        LocalDate last = calendar.workingDays().addWorkingDays(today, withinWorkingDays);
        List<WorklistRepository.Due> rows = repository.nearlyDue(counted, today, last, page);
        Map<Long, Dossier> found = dossiers.byIds(rows.stream().map(WorklistRepository.Due::id).toList());
        Connection<WorklistRepository.Due> keys = Connection.of(rows, page, WorklistRepository.Due::cursor,
                withTotal ? () -> repository.nearlyDueCount(counted, today, last) : null);
        List<Connection.Edge<Dossier>> edges = keys.edges().stream().filter(e -> found.containsKey(e.node().id()))
                .map(e -> new Connection.Edge<>(e.cursor(), found.get(e.node().id()))).toList();
        return new Connection<>(edges, edges.stream().map(Connection.Edge::node).toList(), keys.pageInfo(), keys.totalCount());
    }

    /** The units of the subtree asked about: the given unit's, or the caller's top unit's. */
    private List<Long> subtree(Long unitId) {
        List<Unit> all = units.allUnits();
        Scope scope = Scope.current();
        Unit mine = scope.staffUnitCode() == null ? null
                : all.stream().filter(u -> u.code().equals(scope.staffUnitCode())).findFirst().orElse(null);
        if (!scope.all() && mine == null) {
            throw new AccessDeniedException("Work lists are for inspectors, administrators and unit heads");
        }
        Unit top;
        if (unitId != null) {
            top = all.stream().filter(u -> u.key() == unitId).findFirst().orElseThrow(() -> new NotFoundException("No unit with this ID"));
            if (!scope.all() && !top.path().startsWith(mine.path())) {
                throw new AccessDeniedException("Unit heads read the work lists of their own unit's subtree only");
            }
        } else if (scope.all()) {
            top = all.stream().filter(u -> u.parentId() == null).min(Comparator.comparing(Unit::path)).orElse(null);
            if (top == null) {
                return List.of(-1L);
            }
        } else {
            top = mine;
        }
        String path = top.path();
        return all.stream().filter(u -> u.path().startsWith(path)).map(Unit::key).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDays.ZONE));
    }
}
