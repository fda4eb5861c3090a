package app.lantern.dossier;

import java.time.LocalDate;
import java.util.List;

/** Conditions on dossiers; null means "any". Ids are database keys. */
public record DossierFilter(Long unit, boolean includeSubunits, Long procedure, String field, List<DossierStatus> status,
                            String channel, LocalDate receivedFrom, LocalDate receivedTo, Boolean late, Boolean overdue,
                            Boolean open, LocalDate carriedOverAt, String text) {

    public static final DossierFilter ANY = new DossierFilter(null, true, null, null, null, null, null, null, null, null,
            null, null, null);

    public DossierFilter withoutStatus() {
        return new DossierFilter(unit, includeSubunits, procedure, field, null, channel, receivedFrom, receivedTo, late,
                overdue, open, carriedOverAt, text);
    }
}
