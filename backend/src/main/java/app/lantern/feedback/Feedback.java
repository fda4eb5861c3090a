package app.lantern.feedback;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A feedback item as stored, with the names its views show. The sender's fields are null unless
 * {@code senderVisible}: the SQL that read it decided whether the caller may see them.
 */
public record Feedback(long key, String code, String kind, long unitId, String unitName, Long procedureId, String procedureName,
                       String dossierReceiptCode, String message, String senderName, String senderEmail, String senderPhone,
                       boolean senderLoggedIn, Instant submittedAt, LocalDate answerDueDate, String answer, Instant answeredAt,
                       Long answeredByOfficialId, Integer rating, int version, boolean senderVisible) {

    public enum Status {
        OPEN, ANSWERED
    }

    public Status status() {
        return answer == null ? Status.OPEN : Status.ANSWERED;
    }

    /** Unanswered after its answer deadline on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return answer == null && today.isAfter(answerDueDate);
    }

    public boolean canRate() {
        return answer != null && rating == null;
    }

    /** The answer as shown, null while open. */
    public Answer answerView() {
        return answer == null ? null
                : new Answer(answer, answeredAt, app.lantern.calendar.WorkingDays.localDate(answeredAt).isAfter(answerDueDate));
    }

    public record Answer(String text, Instant answeredAt, boolean late) {
    }
}
