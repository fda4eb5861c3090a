package app.lantern.dossier;

import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.ProcedureStep;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.internal.DossierRepository;
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
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading dossiers: staff and partner systems, scoped in SQL to what the caller may see (inspectors and
 * administrators everything, unit heads their subtree, partners their units); applicants' personal data only for
 * inspectors, the handling unit's staff and partners that write the unit.
 */
@Service
@PreAuthorize(Access.READER)
@Transactional(readOnly = true)
public class DossierQueries {

    private final DossierRepository repository;
    private final Clock clock;
    private final CatalogueService catalogue;

    DossierQueries(DossierRepository repository, Clock clock, CatalogueService catalogue) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.clock = clock;
    }

    /** Today in Vietnam: the day "overdue" is judged on. */
    /**
     * What the caller may do to each dossier now: the lifecycle's moves (an apology only when late
     * or certain to be, a rating once, a next step only while one follows), for the staff of the
     * handling unit's subtree only; nothing for callers who only read.
     */
    public Map<Long, List<Transition>> allowedTransitions(List<Dossier> list) {
        Scope scope = Scope.current();
        Optional<Unit> mine = scope.staffUnitCode() == null ? Optional.empty() : catalogue.unitByCode(scope.staffUnitCode());
        Map<Long, List<Transition>> result = new HashMap<>();
        if (mine.isEmpty()) {
            list.forEach(d -> result.put(d.key(), List.of()));
            return result;
        }
        Map<Long, Unit> units = catalogue.unitsByIds(list.stream().map(Dossier::unitId).distinct().toList());
        Map<Long, List<ProcedureStep>> steps = catalogue.stepsOfProcedures(list.stream().map(Dossier::procedureId).distinct().toList());
        LocalDate today = today();
        for (Dossier d : list) {
            Unit unit = units.get(d.unitId());
            List<Transition> allowed = new ArrayList<>();
            if (unit != null && unit.path().startsWith(mine.get().path())) {
                Lifecycle.Facts facts = Lifecycle.Facts.of(d.status(), d.dueDate(), d.resolvedAt(), d.satisfaction());
                for (Transition transition : Transition.values()) {
                    boolean possible = transition != Transition.RECEIVE && Lifecycle.refusal(facts, transition, today).isEmpty()
                            && (transition != Transition.ADVANCE
                                || Lifecycle.hasNextProcessingStep(steps.getOrDefault(d.procedureId(), List.of()), d.currentStepId()));
                    if (possible) {
                        allowed.add(transition);
                    }
                }
            }
            result.put(d.key(), allowed);
        }
        return result;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDays.ZONE));
    }

    public Connection<Dossier> page(DossierFilter filter, List<DossierOrder> orderBy, PageRequest page, boolean withTotal) {
        Scope scope = Scope.current();
        DossierFilter effective = filter == null ? DossierFilter.ANY : filter;
        LocalDate today = today();
        return Connection.of(repository.page(effective, orderBy, page, scope, today), page,
                d -> DossierRepository.cursor(d, orderBy), withTotal ? () -> repository.count(effective, scope, today) : null);
    }

    public List<StatusCount> countsByStatus(DossierFilter filter) {
        DossierFilter effective = (filter == null ? DossierFilter.ANY : filter).withoutStatus();
        return repository.countByStatus(effective, Scope.current(), today()).entrySet().stream()
                .map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
    }

    public Optional<Dossier> byCode(String code) {
        return repository.byCode(code, Scope.current());
    }

    public Optional<Dossier> byId(long id) {
        return repository.byId(id, Scope.current());
    }

    /** The dossiers of {@code ids} the caller may see, by id (for other features' nested fields). */
    public Map<Long, Dossier> byIds(Collection<Long> ids) {
        return repository.byIds(ids.stream().distinct().toList(), Scope.current()).stream()
                .collect(Collectors.toMap(Dossier::key, d -> d));
    }

    /** The five latest dossiers of each unit that the caller may see, newest first. */
    public Map<Long, List<Dossier>> latestOfUnits(Collection<Long> unitIds) {
        return repository.latestOfUnits(unitIds.stream().distinct().toList(), 5, Scope.current()).stream()
                .collect(Collectors.groupingBy(Dossier::unitId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Timelines of dossiers the caller has already been shown, oldest event first. */
    public Map<Long, List<DossierEvent>> eventsOf(Collection<Long> dossierIds) {
        return repository.eventsOf(dossierIds.stream().distinct().toList()).stream()
                .collect(Collectors.groupingBy(DossierEvent::dossierId, LinkedHashMap::new, Collectors.toList()));
    }
}
