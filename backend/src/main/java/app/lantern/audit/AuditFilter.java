package app.lantern.audit;

import java.time.OffsetDateTime;

/** Conditions on the audit trail; null means "any". */
public record AuditFilter(String actor, String action, String objectType, String objectId, OffsetDateTime from,
                          OffsetDateTime to) {

    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null);
}
