package app.lantern.dossier;

import java.time.Instant;

/** One event of a dossier's timeline. */
public record DossierEvent(long key, long dossierId, int seq, String transition, String fromStatus, String toStatus,
                           Long stepId, Instant at, Long unitId, Long officialId, String reason, String details) {
}
