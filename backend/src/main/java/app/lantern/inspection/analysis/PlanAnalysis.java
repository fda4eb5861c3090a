package app.lantern.inspection.analysis;

import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.InspectionPlans;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.internal.BreakdownRepository;
import app.lantern.inspection.internal.PlanRepository;
import app.lantern.inspection.internal.PlanRepository.Viewer;
import app.lantern.shared.security.Access;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's figures broken down by procedure field and by procedure, and the causes of lateness and
 * refusal, for one target unit or the whole plan. The team sees every part; a
 * target unit's head only their own unit's (never the whole plan's, as for the totals).
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class PlanAnalysis {

    /** The reason categories in the order reports list them. */
    public static final List<String> CATEGORIES = List.of("POLICY_MECHANISM", "HUMAN_RESOURCES", "INFRASTRUCTURE", "FINANCE",
            "APPLICANT", "OTHER");

    private final PlanRepository plans;
    private final BreakdownRepository breakdowns;
    private final InspectionPlans planReads;

    PlanAnalysis(PlanRepository plans, BreakdownRepository breakdowns, InspectionPlans planReads) {
        this.plans = plans;
        this.breakdowns = breakdowns;
        this.planReads = planReads;
    }

    /** A part of a plan: one target unit, or (null unit) the whole plan. */
    public record Part(long planId, Long unitId) {
    }

    /** How many dossiers of a part went wrong for one cause: {@code LATE} or {@code REJECTED}, and the category. */
    public record CauseCount(long planId, Long unitId, String kind, String category, int count) {
    }

    /** Everything the statistics export holds, as the caller may see it; parts whole plan first, then units in target order. */
    public record Workbook(InspectionPlan plan, List<PlanStatistics> perUnit, List<Part> parts,
                           Map<Part, List<PlanStatistics>> byField, Map<Part, List<PlanStatistics>> byProcedure,
                           Map<Part, List<CauseCount>> causes) {
    }

    /** Figures by field of parts of plans the caller was given, largest first; empty for parts the caller may not see. */
    public Map<Part, List<PlanStatistics>> byField(Collection<Part> parts) {
        return split(parts, breakdowns.byField(planIds(parts)), s -> s.field());
    }

    /** Figures by procedure, largest first. */
    public Map<Part, List<PlanStatistics>> byProcedure(Collection<Part> parts) {
        return split(parts, breakdowns.byProcedure(planIds(parts)), s -> s.procedureId());
    }

    /**
     * Causes of parts: late then refused, each in {@link #CATEGORIES} order, zeros included; empty
     * for a plan without a period and for parts the caller may not see.
     */
    public Map<Part, List<CauseCount>> causes(Collection<Part> parts) {
        Set<Part> allowed = allowed(parts);
        Set<Long> withPeriod = plans.withPeriod(planIds(parts));
        Map<Part, Map<String, Integer>> counts = new HashMap<>();
        for (BreakdownRepository.Cause c : breakdowns.causes(planIds(parts))) {
            counts.computeIfAbsent(new Part(c.planId(), c.unitId()), k -> new HashMap<>())
                    .put((c.refused() ? "REJECTED" : "LATE") + "/" + c.category(), c.count());
        }
        Map<Part, List<CauseCount>> result = new HashMap<>();
        for (Part part : parts) {
            List<CauseCount> rows = new ArrayList<>();
            if (allowed.contains(part) && withPeriod.contains(part.planId())) {
                Map<String, Integer> found = counts.getOrDefault(part, Map.of());
                for (String kind : List.of("LATE", "REJECTED")) {
                    for (String category : CATEGORIES) {
                        rows.add(new CauseCount(part.planId(), part.unitId(), kind, category, found.getOrDefault(kind + "/" + category, 0)));
                    }
                }
            }
            result.put(part, rows);
        }
        return result;
    }

    /** The export of a plan the caller sees; empty when missing or not visible. */
    public Optional<Workbook> workbook(long planId) {
        Optional<InspectionPlan> plan = plans.byId(planId, InspectionPlans.viewer());
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<PlanStatistics> perUnit = planReads.statistics(List.of(planId)).getOrDefault(planId, List.of());
        List<Part> parts = new ArrayList<>();
        perUnit.stream().filter(s -> s.unitId() == null).forEach(s -> parts.add(new Part(planId, null)));
        perUnit.stream().filter(s -> s.unitId() != null).forEach(s -> parts.add(new Part(planId, s.unitId())));
        return Optional.of(new Workbook(plan.get(), perUnit, parts, byField(parts), byProcedure(parts), causes(parts)));
    }

    // ------------------------------------------------------------------ access

    /** The parts the caller may see: whole plans and any target for the team, their own targets for a unit's head. */
    private Set<Part> allowed(Collection<Part> parts) {
        List<Long> ids = planIds(parts);
        Viewer viewer = InspectionPlans.viewer();
        Set<Long> whole = plans.seenWhole(ids, viewer);
        Set<Long> own = whole.containsAll(ids) ? Set.of() : plans.ownTargets(ids, viewer);
        Map<Long, List<Long>> targets = plans.targets(ids);
        Set<Part> allowed = new java.util.HashSet<>();
        for (Part part : parts) {
            boolean target = part.unitId() != null && targets.getOrDefault(part.planId(), List.of()).contains(part.unitId());
            if (part.unitId() == null ? whole.contains(part.planId()) : target && (whole.contains(part.planId()) || own.contains(part.unitId()))) {
                allowed.add(part);
            }
        }
        return allowed;
    }

    private Map<Part, List<PlanStatistics>> split(Collection<Part> parts, List<PlanStatistics> rows, Function<PlanStatistics, Object> key) {
        Set<Part> allowed = allowed(parts);
        Map<Part, List<PlanStatistics>> found = new HashMap<>();
        rows.forEach(s -> found.computeIfAbsent(new Part(s.planId(), s.unitId()), k -> new ArrayList<>()).add(s));
        Comparator<PlanStatistics> largestFirst = Comparator.comparingInt((PlanStatistics s) -> s.received() + s.carriedOver()).reversed()
                .thenComparing(s -> String.valueOf(key.apply(s)));
        Map<Part, List<PlanStatistics>> result = new HashMap<>();
        for (Part part : parts) {
            result.put(part, allowed.contains(part)
                    ? found.getOrDefault(part, List.of()).stream().sorted(largestFirst).toList() : List.of());
        }
        return result;
    }

    private static List<Long> planIds(Collection<Part> parts) {
        return parts.stream().map(Part::planId).distinct().toList();
    }
}
