package app.lantern.citizen;

import app.lantern.dossier.DossierStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a citizen is shown about a dossier: the procedure, the receiving unit and its contact, dates,
 * status, lateness and the apology, what the applicant must do. Deliberately without the
 * applicant's personal data and without officials: the SQL that reads it does not select them.
 */
public record PublicDossier(long key, String receiptCode, String procedureCode, String procedureName, String unitName,
                            String unitAddress, String unitPhone, String unitEmail, String channel, Instant receivedAt,
                            LocalDate dueDate, DossierStatus status, String currentStepName, Instant resolvedAt,
                            Instant returnedAt, boolean late, boolean overdue, String apologyReason,
                            LocalDate apologyNewDate, String rejectionReason, String supplementReason,
                            Integer satisfaction) {

    /** What the applicant should do now. */
    public NextAction nextAction() {
        return switch (status) {
            case SUPPLEMENT_REQUESTED -> NextAction.SUPPLEMENT;
            case RESOLVED -> NextAction.COLLECT_RESULT;
            case RETURNED -> satisfaction == null ? NextAction.RATE : NextAction.NONE;
            case RECEIVED, PROCESSING -> NextAction.WAIT;
            case REJECTED, WITHDRAWN -> NextAction.NONE;
        };
    }

    /** The applicant may rate the handling: returned and not rated yet. */
    public boolean canRate() {
        return status == DossierStatus.RETURNED && satisfaction == null;
    }

    public enum NextAction {
        WAIT, SUPPLEMENT, COLLECT_RESULT, RATE, NONE
    }

    /** One step of the public timeline: what happened, when, at which step and unit; nobody's name. */
    public record Step(long dossierKey, int seq, String transition, DossierStatus status, Instant at, String stepName,
                       String unitName) {
    }
}
