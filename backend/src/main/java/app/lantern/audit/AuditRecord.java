package app.lantern.audit;

import java.time.OffsetDateTime;

/** One entry of the audit trail. */
public record AuditRecord(long key, OffsetDateTime occurredAt, String actor, String action, String objectType,
                          String objectId, String details) {
}
