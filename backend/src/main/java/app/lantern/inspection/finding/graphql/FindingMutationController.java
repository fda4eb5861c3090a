package app.lantern.inspection.finding.graphql;

import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanOutcome;
import app.lantern.inspection.finding.ConclusionWorkflow;
import app.lantern.inspection.finding.Finding;
import app.lantern.inspection.finding.FindingOutcome;
import app.lantern.inspection.finding.FindingWorkflow;
import app.lantern.shared.graphql.UserError;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Finding, follow-up and conclusion mutations: thin, the rules live in {@link FindingWorkflow} and {@link ConclusionWorkflow}. */
@Controller
class FindingMutationController {

    private final FindingWorkflow findings;
    private final ConclusionWorkflow conclusions;

    FindingMutationController(FindingWorkflow findings, ConclusionWorkflow conclusions) {
        this.findings = findings;
        this.conclusions = conclusions;
    }

    record FindingPayload(Finding finding, List<UserError> userErrors) {
        static FindingPayload of(FindingOutcome outcome) {
            return new FindingPayload(outcome.finding(), outcome.userErrors());
        }
    }

    record InspectionPlanPayload(InspectionPlan inspectionPlan, List<UserError> userErrors) {
        static InspectionPlanPayload of(PlanOutcome outcome) {
            return new InspectionPlanPayload(outcome.plan(), outcome.userErrors());
        }
    }

    record FindingEvidenceInput(String kind, String dossierId, String procedureId, String sampleId, Integer sampleOrdinal,
                                String documentId, String note) {
        FindingWorkflow.EvidenceInput toWorkflow() {
            return new FindingWorkflow.EvidenceInput(kind, dossierId, procedureId, sampleId, sampleOrdinal, documentId, note);
        }
    }

    record FindingRecordInput(String planId, String unitId, String category, String severity, String description,
                              List<String> responsibleOfficialIds, List<FindingEvidenceInput> evidence, String recommendation,
                              LocalDate remediationDeadline) {
    }

    record FindingUpdateInput(String findingId, int version, String category, String severity, String description,
                              List<String> responsibleOfficialIds, List<FindingEvidenceInput> evidence, String recommendation,
                              LocalDate remediationDeadline) {
    }

    record FindingActionInput(String findingId, int version, String text) {
    }

    record RecommendationRespondInput(String findingId, int version, String kind, String text) {
    }

    record InspectionPlanConcludeInput(String planId, int version, String summary) {
    }

    record InspectionPlanTransitionInput(String planId, int version) {
    }

    private static List<FindingWorkflow.EvidenceInput> evidence(List<FindingEvidenceInput> evidence) {
        return evidence == null ? List.of() : evidence.stream().map(FindingEvidenceInput::toWorkflow).toList();
    }

    @MutationMapping
    FindingPayload findingRecord(@Argument FindingRecordInput input) {
        return FindingPayload.of(findings.record(input.planId(), new FindingWorkflow.Draft(input.unitId(), input.category(),
                input.severity(), input.description(), input.responsibleOfficialIds(), evidence(input.evidence()),
                input.recommendation(), input.remediationDeadline())));
    }

    @MutationMapping
    FindingPayload findingUpdate(@Argument FindingUpdateInput input) {
        return FindingPayload.of(findings.update(input.findingId(), input.version(), new FindingWorkflow.Draft(null, input.category(),
                input.severity(), input.description(), input.responsibleOfficialIds(), evidence(input.evidence()),
                input.recommendation(), input.remediationDeadline())));
    }

    @MutationMapping
    FindingPayload findingWithdraw(@Argument FindingActionInput input) {
        return FindingPayload.of(findings.withdraw(input.findingId(), input.version(), input.text()));
    }

    @MutationMapping
    FindingPayload recommendationRespond(@Argument RecommendationRespondInput input) {
        return FindingPayload.of(findings.respond(input.findingId(), input.version(), input.kind(), input.text()));
    }

    @MutationMapping
    FindingPayload recommendationVerify(@Argument FindingActionInput input) {
        return FindingPayload.of(findings.verify(input.findingId(), input.version(), input.text()));
    }

    @MutationMapping
    FindingPayload recommendationReopen(@Argument FindingActionInput input) {
        return FindingPayload.of(findings.reopen(input.findingId(), input.version(), input.text()));
    }

    @MutationMapping
    FindingPayload recommendationWaive(@Argument FindingActionInput input) {
        return FindingPayload.of(findings.waive(input.findingId(), input.version(), input.text()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanConclude(@Argument InspectionPlanConcludeInput input) {
        return InspectionPlanPayload.of(conclusions.conclude(input.planId(), input.version(), input.summary()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanBeginFollowUp(@Argument InspectionPlanTransitionInput input) {
        return InspectionPlanPayload.of(conclusions.beginFollowUp(input.planId(), input.version()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanClose(@Argument InspectionPlanTransitionInput input) {
        return InspectionPlanPayload.of(conclusions.close(input.planId(), input.version()));
    }
}
