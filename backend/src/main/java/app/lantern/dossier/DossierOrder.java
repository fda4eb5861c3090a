package app.lantern.dossier;

/** A sort key of dossier lists: RECEIVED_AT, DUE_DATE or RECEIPT_CODE. */
public record DossierOrder(String field, boolean descending) {
}
