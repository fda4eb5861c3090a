package app.lantern.catalogue;

import java.time.LocalDate;

/** One unit following another. */
public record UnitSuccession(long predecessorId, long successorId, String kind, LocalDate effectiveOn) {
}
