package app.lantern.inspection;

/**
 * A unit's (or, with a null {@code unitId}, the whole plan's) figures for a plan's period; see the
 * SDL's {@code InspectionStatistics} for what each counts. In a breakdown, {@code field} or
 * {@code procedureId} names the part the row covers; both are null otherwise.
 */
public record PlanStatistics(long planId, Long unitId, int receivedDirect, int receivedOnline, int receivedPostal,
                             int carriedOver, int resolvedOnTime, int resolvedLate, int lateWithoutApology, int rejected,
                             int withdrawn, int openWithinTime, int openOverdue, String field, Long procedureId) {

    /** A row that is not part of a breakdown. */
    public PlanStatistics(long planId, Long unitId, int receivedDirect, int receivedOnline, int receivedPostal,
                          int carriedOver, int resolvedOnTime, int resolvedLate, int lateWithoutApology, int rejected,
                          int withdrawn, int openWithinTime, int openOverdue) {
        this(planId, unitId, receivedDirect, receivedOnline, receivedPostal, carriedOver, resolvedOnTime, resolvedLate,
                lateWithoutApology, rejected, withdrawn, openWithinTime, openOverdue, null, null);
    }

    public int received() {
        return receivedDirect + receivedOnline + receivedPostal;
    }

    /** Zeros, for a target unit without dossiers in the period. */
    public static PlanStatistics empty(long planId, Long unitId) {
        return new PlanStatistics(planId, unitId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
