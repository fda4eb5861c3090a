package app.lantern.dossier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier as stored. {@code applicantVisible} is computed by the SQL that read it: whether the
 * caller may see the applicant's personal data.
 */
public record Dossier(long key, String receiptCode, long procedureId, long unitId, String applicantKind,
                      String applicantName, String identityNumber, String phone, String address, String channel,
                      Instant receivedAt, LocalDate dueDate, DossierStatus status, Long currentStepId,
                      Long currentOfficialId, Instant stepEnteredAt, String result, Instant resolvedAt,
                      Instant returnedAt, Instant closedAt, boolean late, boolean onlinePayment,
                      boolean digitisedDossier, boolean digitisedResult, Integer satisfaction, String apologyReason,
                      LocalDate apologyNewDate, Instant apologyIssuedAt, String apologyCategory, String rejectCategory, String rejectReason,
                      LocalDate clockStartedOn, int daysUsedBefore, int version, boolean applicantVisible) {

    /** Open with the clock running and past its due date on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return app.lantern.calendar.Deadlines.isOverdue(dueDate, status.clockRunning(), today);
    }
}
