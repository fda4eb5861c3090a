package app.lantern.inspection.graphql;

import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanOutcome;
import app.lantern.inspection.PlanWorkflow;
import app.lantern.shared.graphql.UserError;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The plan mutations: thin, the rules live in {@link PlanWorkflow}. */
@Controller
class InspectionPlanMutationController {

    private final PlanWorkflow workflow;

    InspectionPlanMutationController(PlanWorkflow workflow) {
        this.workflow = workflow;
    }

    record InspectionPlanPayload(InspectionPlan inspectionPlan, List<UserError> userErrors) {
        static InspectionPlanPayload of(PlanOutcome outcome) {
            return new InspectionPlanPayload(outcome.plan(), outcome.userErrors());
        }
    }

    record InspectionPlanCreateInput(String number, String title, String issuingAuthority, LocalDate issueDate, LocalDate periodFrom,
                                     LocalDate periodTo, LocalDate selfReportDue, LocalDate fieldworkFrom, LocalDate fieldworkTo,
                                     LocalDate conclusionDue, List<String> checklist) {
    }

    record InspectionPlanUpdateInput(String planId, int version, String title, String issuingAuthority, LocalDate issueDate,
                                     LocalDate periodFrom, LocalDate periodTo, LocalDate selfReportDue, LocalDate fieldworkFrom,
                                     LocalDate fieldworkTo, LocalDate conclusionDue, List<String> checklist) {
    }

    record InspectionPlanSetTargetsInput(String planId, int version, List<String> unitIds) {
    }

    record InspectionTeamMemberInput(String officialId, String role) {
    }

    record InspectionPlanSetTeamInput(String planId, int version, List<InspectionTeamMemberInput> members) {
    }

    record InspectionPlanTransitionInput(String planId, int version) {
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanCreate(@Argument InspectionPlanCreateInput input) {
        return InspectionPlanPayload.of(workflow.create(input.number(), new PlanWorkflow.Header(input.title(), input.issuingAuthority(),
                input.issueDate(), input.periodFrom(), input.periodTo(), input.selfReportDue(), input.fieldworkFrom(),
                input.fieldworkTo(), input.conclusionDue(), input.checklist())));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanUpdate(@Argument InspectionPlanUpdateInput input) {
        return InspectionPlanPayload.of(workflow.update(input.planId(), input.version(), new PlanWorkflow.Header(input.title(),
                input.issuingAuthority(), input.issueDate(), input.periodFrom(), input.periodTo(), input.selfReportDue(),
                input.fieldworkFrom(), input.fieldworkTo(), input.conclusionDue(), input.checklist())));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanSetTargets(@Argument InspectionPlanSetTargetsInput input) {
        return InspectionPlanPayload.of(workflow.setTargets(input.planId(), input.version(), input.unitIds()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanSetTeam(@Argument InspectionPlanSetTeamInput input) {
        return InspectionPlanPayload.of(workflow.setTeam(input.planId(), input.version(),
                input.members().stream().map(m -> new PlanWorkflow.Member(m.officialId(), m.role())).toList()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanApprove(@Argument InspectionPlanTransitionInput input) {
        return InspectionPlanPayload.of(workflow.approve(input.planId(), input.version()));
    }

    @MutationMapping
    InspectionPlanPayload inspectionPlanStart(@Argument InspectionPlanTransitionInput input) {
        return InspectionPlanPayload.of(workflow.start(input.planId(), input.version()));
    }
}
