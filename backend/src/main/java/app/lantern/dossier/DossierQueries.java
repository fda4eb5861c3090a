package app.lantern.dossier;

import app.lantern.calendar.WorkingDays;
import app.lantern.dossier.internal.DossierRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading dossiers: staff only, scoped in SQL to what the caller may see (inspectors and
 * administrators everything, unit heads their subtree); applicants' personal data only for
 * inspectors and the handling unit's staff.
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class DossierQueries {

    private final DossierRepository repository;
    private final Clock clock;

    DossierQueries(DossierRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Today in Vietnam: the day "overdue" is judged on. */
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

    /** Timelines of dossiers the caller has already been shown, oldest event first. */
    public Map<Long, List<DossierEvent>> eventsOf(Collection<Long> dossierIds) {
        return repository.eventsOf(dossierIds.stream().distinct().toList()).stream()
                .collect(Collectors.groupingBy(DossierEvent::dossierId, LinkedHashMap::new, Collectors.toList()));
    }
}
