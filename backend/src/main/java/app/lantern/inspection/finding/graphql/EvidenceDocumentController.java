package app.lantern.inspection.finding.graphql;

import app.lantern.inspection.finding.EvidenceDocument;
import app.lantern.inspection.finding.FindingQueries;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** EvidenceDocument nodes: seen by their uploader and by whoever sees a finding linking them. */
@Controller
class EvidenceDocumentController implements NodeResolver {

    private final FindingQueries queries;

    EvidenceDocumentController(FindingQueries queries) {
        this.queries = queries;
    }

    @Override
    public String typeName() {
        return "EvidenceDocument";
    }

    @Override
    public Optional<?> find(long key) {
        return queries.document(key);
    }

    @SchemaMapping(typeName = "EvidenceDocument", field = "id")
    String id(EvidenceDocument document) {
        return NodeId.encode("EvidenceDocument", document.key());
    }

    @SchemaMapping(typeName = "EvidenceDocument", field = "downloadUrl")
    String downloadUrl(EvidenceDocument document) {
        return "/api/evidence-documents/" + NodeId.encode("EvidenceDocument", document.key());
    }
}
