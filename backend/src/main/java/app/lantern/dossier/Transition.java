package app.lantern.dossier;

/** What can happen to a dossier; each is recorded as a {@code DossierEvent}. */
public enum Transition {
    RECEIVE, ADVANCE, REQUEST_SUPPLEMENT, RESUME_AFTER_SUPPLEMENT, RESOLVE, RETURN, REJECT, WITHDRAW,
    ISSUE_APOLOGY, RATE
}
