package app.lantern.indicator;

import java.time.Instant;
import java.util.List;

/**
 * A month's list of officials whose steps overran their allowance, for a unit's subtree: live
 * (DRAFT) until the unit head publishes it, then frozen (PUBLISHED).
 */
public record DelayList(long unitId, String unitCode, String unitName, int year, int month, String status, Instant publishedAt,
                        String publishedBy, List<Entry> entries) {

    /** One official's overruns in the month. */
    public record Entry(Long officialId, String officialName, String officialPosition, String unitName, int dossiers, int overruns,
                        int daysOver, List<ProcedureCount> procedures) {

        /** The entry of the overruns no official was recorded for. */
        public boolean unattributed() {
            return officialId == null;
        }
    }

    /** Dossiers of one procedure the official made late. */
    public record ProcedureCount(String nationalCode, String name, int dossiers) {
    }
}
