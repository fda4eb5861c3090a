package app.lantern.catalogue;

/** An administrative procedure in a unit's catalogue. */
public record Procedure(long key, long unitId, String nationalCode, String name, String field, String authorityLevel,
                        int statutoryWorkingDays, long fee, String onlineLevel, boolean published, String reviewState,
                        int version) {
}
