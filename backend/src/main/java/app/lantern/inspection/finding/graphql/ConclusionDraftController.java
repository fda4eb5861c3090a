package app.lantern.inspection.finding.graphql;

import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.finding.ConclusionDraft;
import app.lantern.inspection.finding.ConclusionDrafts;
import app.lantern.shared.graphql.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The conclusion's draft on a plan and saving it: thin, the rules live in {@link ConclusionDrafts}. */
@Controller
class ConclusionDraftController {

    private final ConclusionDrafts drafts;

    ConclusionDraftController(ConclusionDrafts drafts) {
        this.drafts = drafts;
    }

    record InspectionConclusionDraftSaveInput(String planId, String summary, int version) {
    }

    record InspectionConclusionDraftSavePayload(ConclusionDraft conclusionDraft, List<UserError> userErrors) {
    }

    @BatchMapping(typeName = "InspectionPlan", field = "conclusionDraft")
    Map<InspectionPlan, ConclusionDraft> conclusionDraft(List<InspectionPlan> plans) {
        Map<Long, ConclusionDraft> found = drafts.ofPlans(plans.stream().map(InspectionPlan::key).toList());
        Map<InspectionPlan, ConclusionDraft> result = new LinkedHashMap<>();
        plans.forEach(p -> result.put(p, found.get(p.key())));
        return result;
    }

    @MutationMapping
    InspectionConclusionDraftSavePayload inspectionConclusionDraftSave(@Argument InspectionConclusionDraftSaveInput input) {
        ConclusionDrafts.Outcome outcome = drafts.save(input.planId(), input.summary(), input.version());
        return new InspectionConclusionDraftSavePayload(outcome.draft(), outcome.userErrors());
    }
}
