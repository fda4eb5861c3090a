package app.lantern.sync;

import app.lantern.dossier.Transition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dossier as a partner system holds it, as {@code DossierSyncItem} in sync.graphqls describes.
 */
public record SyncItem(String externalId, String receiptCode, String unitCode, String procedureCode, Applicant applicant,
                       String channel, Boolean onlinePayment, Boolean digitisedDossier, List<Event> events, Facts facts) {

    /**
     * The dossier's Decision 766 facts. {@code feeAmount} null: the procedure's fee for a new
     * dossier, the stored amount for a known one.
     */
    public record Facts(Long feeAmount, boolean syncedToNationalPortal, boolean certifiedCopyRequested, boolean certifiedCopyElectronic,
                        boolean reusedDigitisedData, boolean usedPopulationData, boolean resultSyncedToCitizenStore) {

        /** These facts with this fee. */
        public Facts withFee(long fee) {
            return new Facts(fee, syncedToNationalPortal, certifiedCopyRequested, certifiedCopyElectronic, reusedDigitisedData,
                    usedPopulationData, resultSyncedToCitizenStore);
        }
    }

    /** The applicant (personal data). */
    public record Applicant(String kind, String name, String identityNumber, String phone, String address) {
    }

    /** One event of the timeline; fields a transition does not use are null. */
    public record Event(Transition transition, OffsetDateTime at, String reason, String result, Boolean digitisedResult,
                        String rejectCategory, LocalDate newAppointmentDate, Integer satisfaction) {
    }
}
