package app.lantern.dossier;

/** Dossiers in one status. */
public record StatusCount(DossierStatus status, long count) {
}
