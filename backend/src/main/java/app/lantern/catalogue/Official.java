package app.lantern.catalogue;

/** A civil servant of a unit. */
public record Official(long key, long unitId, String fullName, String position, String idpUsername, int version) {
}
