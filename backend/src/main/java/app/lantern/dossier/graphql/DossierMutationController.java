package app.lantern.dossier.graphql;

import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierWorkflow;
import app.lantern.dossier.Outcome;
import app.lantern.shared.graphql.UserError;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The dossier mutations: thin, the rules live in {@link DossierWorkflow}. */
@Controller
class DossierMutationController {

    private final DossierWorkflow workflow;

    DossierMutationController(DossierWorkflow workflow) {
        this.workflow = workflow;
    }

    record DossierPayload(Dossier dossier, List<UserError> userErrors) {
        static DossierPayload of(Outcome outcome) {
            return new DossierPayload(outcome.dossier(), outcome.userErrors());
        }
    }

    record DossierReceivePayload(Dossier dossier, String lookupSecret, List<UserError> userErrors) {
    }

    record DossierReceiveInput(String procedureId, String unitId, String applicantKind, String applicantName, String identityNumber,
                               String phone, String address, String channel, Boolean onlinePayment, Boolean digitisedDossier,
                               Boolean syncedToNationalPortal, Boolean certifiedCopyRequested, Boolean certifiedCopyElectronic,
                               Boolean reusedDigitisedData, Boolean usedPopulationData) {
    }

    record DossierAdvanceInput(String dossierId, int version, String assignedOfficialId) {
    }

    record DossierReasonInput(String dossierId, int version, String reason) {
    }

    record DossierVersionInput(String dossierId, int version) {
    }

    record DossierResolveInput(String dossierId, int version, String result, Boolean digitisedResult, Boolean resultSyncedToCitizenStore) {
    }

    record DossierRejectInput(String dossierId, int version, String category, String reason) {
    }

    record DossierIssueApologyInput(String dossierId, int version, String reason, LocalDate newAppointmentDate, String category) {
    }

    record DossierRateInput(String dossierId, int version, int satisfaction) {
    }

    @MutationMapping
    DossierReceivePayload dossierReceive(@Argument DossierReceiveInput input) {
        Outcome outcome = workflow.receive(new DossierWorkflow.Receipt(input.procedureId(), input.unitId(), input.applicantKind(),
                input.applicantName(), input.identityNumber(), input.phone(), input.address(), input.channel(),
                Boolean.TRUE.equals(input.onlinePayment()), Boolean.TRUE.equals(input.digitisedDossier())),
                new DossierWorkflow.ReceiptFacts(Boolean.TRUE.equals(input.syncedToNationalPortal()),
                        Boolean.TRUE.equals(input.certifiedCopyRequested()), Boolean.TRUE.equals(input.certifiedCopyElectronic()),
                        Boolean.TRUE.equals(input.reusedDigitisedData()), Boolean.TRUE.equals(input.usedPopulationData())));
        return new DossierReceivePayload(outcome.dossier(), outcome.lookupSecret(), outcome.userErrors());
    }

    @MutationMapping
    DossierPayload dossierAdvance(@Argument DossierAdvanceInput input) {
        return DossierPayload.of(workflow.advance(input.dossierId(), input.version(), input.assignedOfficialId()));
    }

    @MutationMapping
    DossierPayload dossierRequestSupplement(@Argument DossierReasonInput input) {
        return DossierPayload.of(workflow.requestSupplement(input.dossierId(), input.version(), input.reason()));
    }

    @MutationMapping
    DossierPayload dossierResumeAfterSupplement(@Argument DossierVersionInput input) {
        return DossierPayload.of(workflow.resumeAfterSupplement(input.dossierId(), input.version()));
    }

    @MutationMapping
    DossierPayload dossierResolve(@Argument DossierResolveInput input) {
        return DossierPayload.of(workflow.resolve(input.dossierId(), input.version(), input.result(),
                Boolean.TRUE.equals(input.digitisedResult()), Boolean.TRUE.equals(input.resultSyncedToCitizenStore())));
    }

    @MutationMapping
    DossierPayload dossierReturn(@Argument DossierVersionInput input) {
        return DossierPayload.of(workflow.returnResult(input.dossierId(), input.version()));
    }

    @MutationMapping
    DossierPayload dossierReject(@Argument DossierRejectInput input) {
        return DossierPayload.of(workflow.reject(input.dossierId(), input.version(), input.category(), input.reason()));
    }

    @MutationMapping
    DossierPayload dossierWithdraw(@Argument DossierReasonInput input) {
        return DossierPayload.of(workflow.withdraw(input.dossierId(), input.version(), input.reason()));
    }

    @MutationMapping
    DossierPayload dossierIssueApology(@Argument DossierIssueApologyInput input) {
        return DossierPayload.of(workflow.issueApology(input.dossierId(), input.version(), input.reason(), input.newAppointmentDate(),
                input.category()));
    }

    @MutationMapping
    DossierPayload dossierRate(@Argument DossierRateInput input) {
        return DossierPayload.of(workflow.rate(input.dossierId(), input.version(), input.satisfaction()));
    }
}
