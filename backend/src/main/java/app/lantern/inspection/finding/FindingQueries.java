package app.lantern.inspection.finding;

import app.lantern.calendar.WorkingDays;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.inspection.internal.PlanRepository;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading findings, evidence documents and conclusions. Staff only; within that, the team sees
 * every finding of their plans, a target unit's head only the recorded
 * findings of their unit's subtree and only once the plan is concluded.
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class FindingQueries {

    private static final TypeReference<List<PlanStatistics>> ROWS = new TypeReference<>() {
    };

    private final FindingRepository repository;
    private final PlanRepository plans;
    private final Clock clock;
    private final ObjectMapper json;

    FindingQueries(FindingRepository repository, PlanRepository plans, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.plans = plans;
        this.clock = clock;
        this.json = json;
    }

    /** Today in Vietnam: the day "overdue" is judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDays.ZONE));
    }

    public Optional<Finding> byId(long id) {
        return repository.byId(id, Caller.current());
    }

    /** Which findings of a plan to list; null fields do not limit. */
    public record Filter(Long unitId, List<String> recommendationStatus, Boolean overdue, boolean includeWithdrawn) {

        public static final Filter RECORDED = new Filter(null, null, null, false);
    }

    /** The findings of each plan that the caller sees and {@code filter} selects, by number. */
    public Map<Long, List<Finding>> ofPlans(Collection<Long> planIds, Filter filter) {
        Filter f = filter == null ? Filter.RECORDED : filter;
        return repository.ofPlans(planIds, new FindingRepository.Filter(f.unitId(), f.recommendationStatus(), f.overdue(),
                        f.includeWithdrawn()), Caller.current(), today()).stream()
                .collect(Collectors.groupingBy(Finding::planId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Per plan, the overdue recommendations among the findings the caller sees. */
    public Map<Long, Integer> overdueCounts(Collection<Long> planIds) {
        return repository.overdueCounts(planIds, Caller.current(), today());
    }

    /** The caller's recommendations to answer, overdue first: unit heads only, empty for everyone else. */
    public List<Finding> inbox() {
        return repository.inbox(Caller.current(), today());
    }

    /** Evidence of findings the caller was shown, in order. */
    public Map<Long, List<FindingEvidence>> evidenceOf(Collection<Long> findingIds) {
        return repository.evidenceOf(findingIds).stream()
                .collect(Collectors.groupingBy(FindingEvidence::findingId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Responsible official ids of findings the caller was shown. */
    public Map<Long, List<Long>> officialsOf(Collection<Long> findingIds) {
        return repository.officialsOf(findingIds);
    }

    /** Follow-up timelines of findings the caller was shown, oldest first. */
    public Map<Long, List<FollowUpEntry>> followUpOf(Collection<Long> findingIds) {
        return repository.followUpOf(findingIds).stream()
                .collect(Collectors.groupingBy(FollowUpEntry::findingId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The plans of findings the caller was shown (a finding shows its plan's header). */
    public Map<Long, InspectionPlan> plansOf(Collection<Long> planIds) {
        return plans.headersByIds(planIds);
    }

    /** Evidence documents the caller sees: their own uploads and those linked to findings they see. */
    public Map<Long, EvidenceDocument> documents(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repository.documentsByIds(ids, Caller.current());
    }

    public Optional<EvidenceDocument> document(long id) {
        return Optional.ofNullable(documents(List.of(id)).get(id));
    }

    /** A document's content, if the caller sees the document. */
    public Optional<byte[]> documentContent(long id) {
        return repository.documentContent(id, Caller.current());
    }

    /**
     * Conclusions of plans the caller was given: whole for the team; for a
     * target unit's head only the rows of their own target units, without the whole plan's totals.
     */
    public Map<Long, InspectionConclusion> conclusions(Collection<Long> planIds) {
        List<FindingRepository.StoredConclusion> stored = repository.conclusionsOf(planIds);
        if (stored.isEmpty()) {
            return Map.of();
        }
        Caller caller = Caller.current();
        PlanRepository.Viewer viewer = new PlanRepository.Viewer(caller.username(), caller.headUnitCode());
        List<Long> concluded = stored.stream().map(FindingRepository.StoredConclusion::planId).toList();
        Set<Long> whole = plans.seenWhole(concluded, viewer);
        Set<Long> own = whole.containsAll(concluded) ? Set.of() : plans.ownTargets(concluded, viewer);
        Map<Long, InspectionConclusion> result = new HashMap<>();
        for (FindingRepository.StoredConclusion c : stored) {
            List<PlanStatistics> rows = json.readValue(c.statistics(), ROWS);
            PlanStatistics totals = c.totals() == null ? null : json.readValue(c.totals(), PlanStatistics.class);
            if (!whole.contains(c.planId())) {
                rows = new ArrayList<>(rows.stream().filter(r -> own.contains(r.unitId())).toList());
                totals = null;
            }
            result.put(c.planId(), new InspectionConclusion(c.planId(), c.summary(), c.issuedAt(), c.issuedBy(), List.copyOf(rows), totals));
        }
        return result;
    }
}
