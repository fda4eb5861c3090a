package app.lantern.audit.graphql;

import app.lantern.audit.AuditFilter;
import app.lantern.audit.AuditRecord;
import app.lantern.audit.AuditTrail;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code auditRecords} connection. */
@Controller
class AuditRecordController implements app.lantern.shared.graphql.NodeResolver {

    private final AuditTrail trail;

    AuditRecordController(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String typeName() {
        return "AuditRecord";
    }

    @Override
    public java.util.Optional<?> find(long key) {
        return trail.find(key);
    }

    @QueryMapping
    Connection<AuditRecord> auditRecords(@Argument Integer first, @Argument String after, @Argument Integer last,
                                         @Argument String before, @Argument AuditFilter filter,
                                         DataFetchingFieldSelectionSet selection) {
        return trail.page(filter, PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "AuditRecord", field = "id")
    String id(AuditRecord record) {
        return NodeId.encode("AuditRecord", record.key());
    }
}
