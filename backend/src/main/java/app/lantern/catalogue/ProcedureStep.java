package app.lantern.catalogue;

/** An internal step of a procedure. */
public record ProcedureStep(long key, long procedureId, int ordinal, String name, int allowanceWorkingDays,
                            long responsibleUnitId) {
}
