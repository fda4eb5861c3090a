package app.lantern.catalogue;

import app.lantern.catalogue.CatalogueFilters.Order;
import app.lantern.catalogue.CatalogueFilters.ProcedureFilter;
import app.lantern.catalogue.CatalogueFilters.UnitFilter;
import app.lantern.catalogue.internal.CatalogueRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading units, officials and procedures. Staff and partner systems only; every read is scoped to what the caller may
 * see ({@link Scope}): a row outside it is simply absent.
 */
@Service
@PreAuthorize(Access.READER)
@Transactional(readOnly = true)
public class CatalogueService {

    private static final int TREE_LIMIT = 2000;

    private final CatalogueRepository repository;
    private final Clock clock;

    CatalogueService(CatalogueRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Connection<Unit> units(UnitFilter filter, LocalDate asOf, Order order, PageRequest page, boolean withTotal) {
        Scope scope = Scope.current();
        UnitFilter effective = filter == null ? UnitFilter.ANY : filter;
        return Connection.of(repository.unitPage(effective, asOf, order, page, scope), page,
                unit -> CatalogueRepository.unitCursor(unit, order),
                withTotal ? () -> repository.unitCount(effective, asOf, scope) : null);
    }

    public List<UnitTreeEntry> tree(LocalDate asOf, Long rootId) {
        Scope scope = Scope.current();
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(app.lantern.calendar.WorkingDays.ZONE));
        String rootPath = null;
        if (rootId != null) {
            List<Unit> root = repository.unitsByIds(List.of(rootId), scope);
            if (root.isEmpty()) {
                return List.of();
            }
            rootPath = root.getFirst().path();
        }
        List<Unit> units = repository.tree(rootPath, day, scope, TREE_LIMIT);
        Map<Long, Integer> depth = new HashMap<>();
        List<UnitTreeEntry> entries = new ArrayList<>();
        for (Unit unit : units) {
            Integer parentDepth = unit.parentId() == null ? null : depth.get(unit.parentId());
            int d = parentDepth == null ? 0 : parentDepth + 1;
            depth.put(unit.key(), d);
            entries.add(new UnitTreeEntry(unit, d));
        }
        return entries;
    }

    public Connection<Procedure> procedures(ProcedureFilter filter, Order order, PageRequest page, boolean withTotal) {
        Scope scope = Scope.current();
        ProcedureFilter effective = filter == null ? ProcedureFilter.ANY : filter;
        return Connection.of(repository.procedurePage(effective, order, page, scope), page,
                p -> CatalogueRepository.procedureCursor(p, order),
                withTotal ? () -> repository.procedureCount(effective, scope) : null);
    }

    public Optional<Unit> unit(long id) {
        return repository.unitsByIds(List.of(id), Scope.current()).stream().findFirst();
    }

    public Optional<Unit> unitByCode(String code) {
        return repository.unitsByCode(code, Scope.current()).stream().findFirst();
    }

    public Optional<Official> official(long id) {
        return repository.officialsByIds(List.of(id), Scope.current()).stream().findFirst();
    }

    public Optional<Procedure> procedure(long id) {
        return repository.proceduresByIds(List.of(id), Scope.current()).stream().findFirst();
    }

    // ------------------------------------------------------------------ batches for nested fields

    public Map<Long, Unit> unitsByIds(Collection<Long> ids) {
        return index(repository.unitsByIds(distinct(ids), Scope.current()), Unit::key);
    }

    public Map<Long, Official> officialsByIds(Collection<Long> ids) {
        return index(repository.officialsByIds(distinct(ids), Scope.current()), Official::key);
    }

    public Map<Long, Procedure> proceduresByIds(Collection<Long> ids) {
        return index(repository.proceduresByIds(distinct(ids), Scope.current()), Procedure::key);
    }

    /**
     * Procedures of dossiers the caller has been shown, whoever owns their catalogue: a dossier
     * visible to the caller makes its procedure (public catalogue data) visible too, e.g. a
     * commune created in 2025 handling procedures of the abolished district's catalogue.
     */
    public Map<Long, Procedure> proceduresOfVisibleDossiers(Collection<Long> ids) {
        return index(repository.proceduresByIds(distinct(ids), new Scope(true, false, null)), Procedure::key);
    }

    /** Steps by id. Not scoped: callers reach a step only through a procedure or dossier they may see. */
    public Map<Long, ProcedureStep> stepsByIds(Collection<Long> ids) {
        return index(repository.stepsByIds(distinct(ids)), ProcedureStep::key);
    }

    public Map<Long, List<ProcedureStep>> stepsOfProcedures(Collection<Long> procedureIds) {
        return repository.stepsOfProcedures(distinct(procedureIds)).stream()
                .collect(Collectors.groupingBy(ProcedureStep::procedureId, LinkedHashMap::new, Collectors.toList()));
    }

    public Map<Long, List<Unit>> childrenOf(Collection<Long> parentIds) {
        return repository.childrenOf(distinct(parentIds), Scope.current()).stream()
                .collect(Collectors.groupingBy(Unit::parentId, LinkedHashMap::new, Collectors.toList()));
    }

    public Map<Long, List<Procedure>> proceduresOfUnits(Collection<Long> unitIds) {
        return repository.proceduresOfUnits(distinct(unitIds), Scope.current()).stream()
                .collect(Collectors.groupingBy(Procedure::unitId, LinkedHashMap::new, Collectors.toList()));
    }

    public Map<Long, List<Official>> officialsOfUnits(Collection<Long> unitIds) {
        return repository.officialsOfUnits(distinct(unitIds), Scope.current()).stream()
                .collect(Collectors.groupingBy(Official::unitId, LinkedHashMap::new, Collectors.toList()));
    }

    public List<UnitSuccession> successionsOf(Collection<Long> unitIds) {
        return repository.successionsOf(distinct(unitIds));
    }

    /** The official record of a logged-in staff member, if there is one. */
    public Optional<Official> officialByUsername(String username) {
        return repository.officialByUsername(username).stream().findFirst();
    }

    private static List<Long> distinct(Collection<Long> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static <T> Map<Long, T> index(List<T> rows, Function<T, Long> key) {
        Map<Long, T> map = new HashMap<>();
        rows.forEach(row -> map.put(key.apply(row), row));
        return map;
    }
}
