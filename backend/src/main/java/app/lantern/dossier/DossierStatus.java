package app.lantern.dossier;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands in its lifecycle (Decree 61/2018, Circular 01/2018/TT-VPCP). */
public enum DossierStatus {
    RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, RESOLVED, RETURNED, REJECTED, WITHDRAWN;

    /** Not yet resolved, rejected or withdrawn. */
    public static final Set<DossierStatus> OPEN = EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether the statutory clock runs: open and not waiting for the applicant's supplement. */
    public boolean clockRunning() {
        return this == RECEIVED || this == PROCESSING;
    }
}
