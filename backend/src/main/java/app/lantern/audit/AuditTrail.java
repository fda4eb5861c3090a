package app.lantern.audit;

import app.lantern.audit.internal.AuditRecordRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail: inspectors and administrators only. */
@Service
public class AuditTrail {

    private final AuditRecordRepository records;

    AuditTrail(AuditRecordRepository records) {
        this.records = records;
    }

    @PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Connection<AuditRecord> page(AuditFilter filter, PageRequest page, boolean withTotal) {
        AuditFilter effective = filter == null ? AuditFilter.ANY : filter;
        return Connection.of(records.page(effective, page), page, record -> Long.toString(record.key()),
                withTotal ? () -> records.count(effective) : null);
    }

    @PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public java.util.Optional<AuditRecord> find(long key) {
        return records.find(key);
    }
}
