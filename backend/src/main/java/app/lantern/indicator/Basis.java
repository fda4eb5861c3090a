package app.lantern.indicator;

/** What an indicator counts. */
public enum Basis {
    DOSSIERS, PROCEDURES, FEEDBACK
}
