package app.lantern.inspection.finding;

import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.inspection.internal.PlanRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores a plan's conclusion with its figures frozen as JSON: one row per target unit in unit tree
 * order (zeros for a unit without dossiers), and the whole plan's, so that later changes to the
 * dossiers do not alter what the conclusion says. Authorisation is the caller's business (the
 * lead's conclude step, or the demo loader); it joins the caller's transaction.
 */
@Component
public class ConclusionRecorder {

    private final PlanRepository plans;
    private final FindingRepository repository;
    private final ObjectMapper json;

    ConclusionRecorder(PlanRepository plans, FindingRepository repository, ObjectMapper json) {
        this.plans = plans;
        this.repository = repository;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long planId, String summary, String username, String displayName, Instant at) {
        List<PlanStatistics> rows = new ArrayList<>();
        PlanStatistics totals = null;
        // like the live figures: none without a period (approval requires one, so a concluded plan has it)
        if (!plans.withPeriod(List.of(planId)).isEmpty()) {
            List<PlanStatistics> found = plans.statistics(List.of(planId));
            for (Long unit : plans.targets(List.of(planId)).getOrDefault(planId, List.of())) {
                rows.add(found.stream().filter(s -> unit.equals(s.unitId())).findFirst().orElse(PlanStatistics.empty(planId, unit)));
            }
            totals = found.stream().filter(s -> s.unitId() == null).findFirst().orElse(PlanStatistics.empty(planId, null));
        }
        repository.insertConclusion(planId, summary, username, displayName, at, json.writeValueAsString(rows),
                totals == null ? null : json.writeValueAsString(totals));
    }
}
