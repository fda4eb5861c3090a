package app.lantern.inspection;

import app.lantern.inspection.internal.PlanRepository;
import app.lantern.inspection.internal.PlanRepository.Viewer;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading plans. Staff only; within that, a plan in preparation or in progress is seen by its
 * team (administrators included only when on it), and a target unit's head sees their own unit's part once it is approved
 * (header, checklist, deadlines, their unit's figures and self-inspection report; findings only once
 * it is concluded).
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class InspectionPlans {

    private final PlanRepository repository;

    InspectionPlans(PlanRepository repository) {
        this.repository = repository;
    }

    public Connection<InspectionPlan> page(PlanFilter filter, PlanFilter.Order order, PageRequest page, boolean withTotal) {
        Viewer viewer = viewer();
        PlanFilter.Order by = order == null ? PlanFilter.Order.NEWEST_FIRST : order;
        List<InspectionPlan> rows = repository.page(filter, by, page, viewer);
        return Connection.of(rows, page, p -> PlanRepository.cursorOf(p, by), withTotal ? () -> repository.count(filter, viewer) : null);
    }

    public Optional<InspectionPlan> byId(long id) {
        return repository.byId(id, viewer());
    }

    public Optional<InspectionPlan> byNumber(String number) {
        return repository.byNumber(number, viewer());
    }

    /** Checklists of plans the caller was given (and so may see). */
    public Map<Long, List<ChecklistItem>> checklists(Collection<Long> planIds) {
        return repository.checklists(planIds);
    }

    /**
     * Target unit ids of plans the caller was given, in unit tree order: all of them for the team,
     * the caller's own unit's for a target unit's head.
     */
    public Map<Long, List<Long>> targets(Collection<Long> planIds) {
        Map<Long, List<Long>> targets = repository.targets(planIds);
        Parts parts = parts(planIds);
        Map<Long, List<Long>> result = new java.util.HashMap<>();
        targets.forEach((plan, units) -> result.put(plan, parts.whole().contains(plan) ? units
                : units.stream().filter(parts.ownUnits()::contains).toList()));
        return result;
    }

    /** Teams of plans the caller was given, lead first. */
    public Map<Long, List<PlanMember>> teams(Collection<Long> planIds) {
        return repository.teams(planIds);
    }

    /** Plans the caller sees whole, and the target units that are the caller's own (for the others). */
    private record Parts(java.util.Set<Long> whole, java.util.Set<Long> ownUnits) {
    }

    private Parts parts(Collection<Long> planIds) {
        Viewer viewer = viewer();
        java.util.Set<Long> whole = repository.seenWhole(planIds, viewer);
        return new Parts(whole, whole.containsAll(planIds) ? java.util.Set.of() : repository.ownTargets(planIds, viewer));
    }

    /**
     * Live figures of plans the caller was given: per plan, one entry per target unit in target
     * order (zeros where a unit had no dossiers) followed by the whole plan's, whose unit is null;
     * no entries for a plan without a period.
     */
    public Map<Long, List<PlanStatistics>> statistics(Collection<Long> planIds) {
        Map<Long, List<PlanStatistics>> rows = new java.util.HashMap<>();
        repository.statistics(planIds).forEach(s -> rows.computeIfAbsent(s.planId(), k -> new java.util.ArrayList<>()).add(s));
        Map<Long, List<Long>> targets = targets(planIds);
        Parts parts = parts(planIds);
        java.util.Set<Long> withPeriod = repository.withPeriod(planIds);
        Map<Long, List<PlanStatistics>> result = new java.util.HashMap<>();
        for (Long plan : planIds) {
            if (!withPeriod.contains(plan)) {
                result.put(plan, List.of());
                continue;
            }
            List<PlanStatistics> found = rows.getOrDefault(plan, List.of());
            List<PlanStatistics> ordered = new java.util.ArrayList<>();
            for (Long unit : targets.getOrDefault(plan, List.of())) {
                ordered.add(found.stream().filter(s -> unit.equals(s.unitId())).findFirst().orElse(PlanStatistics.empty(plan, unit)));
            }
            if (parts.whole().contains(plan)) {
                // the whole plan's figures include other units': only for the team
                ordered.add(found.stream().filter(s -> s.unitId() == null).findFirst().orElse(PlanStatistics.empty(plan, null)));
            }
            result.put(plan, ordered);
        }
        return result;
    }

    /** The caller as plan reads scope them. */
    public static Viewer viewer() {
        CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not logged in"));
        return new Viewer(user.username(), user.has(Role.UNIT_HEAD) ? user.unitCode() : null);
    }
}
