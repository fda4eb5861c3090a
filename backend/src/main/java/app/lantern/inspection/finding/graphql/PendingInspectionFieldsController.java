package app.lantern.inspection.finding.graphql;

import app.lantern.inspection.finding.FindingEvidence;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Fields of the findings contract whose data belongs to features built alongside (dossier sampling
 * and self-inspection reports), answered empty here until those are merged; each method is to be
 * replaced by the owning feature's mapping (delete it then, or the two mappings collide).
 */
@Controller
class PendingInspectionFieldsController {

    /** Replaced by dossier sampling: SAMPLE_ITEM evidence cannot be recorded yet, so there is no sample to show. */
    @SchemaMapping(typeName = "FindingEvidence", field = "sample")
    Object sample(FindingEvidence evidence) {
        return null;
    }

    /** Replaced by dossier sampling, with {@code sample}. */
    @SchemaMapping(typeName = "FindingEvidence", field = "sampleItem")
    Object sampleItem(FindingEvidence evidence) {
        return null;
    }
}
