package app.lantern.sync.graphql;

import app.lantern.dossier.DossierStatus;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.UserError;
import app.lantern.sync.DossierSync;
import app.lantern.sync.SyncItem;
import app.lantern.sync.SyncOutcome;
import app.lantern.sync.SyncReport;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code dossiersSync}: partner systems' bulk upsert of dossiers. */
@Controller
class DossierSyncController {

    private final DossierSync sync;

    DossierSyncController(DossierSync sync) {
        this.sync = sync;
    }

    record DossiersSyncInput(String source, List<SyncItem> items) {
    }

    record DossierSyncResult(int index, String externalId, SyncOutcome outcome, String dossierId, DossierStatus status,
                             int eventsAppended) {
    }

    record DossiersSyncPayload(List<DossierSyncResult> results, List<UserError> userErrors) {
    }

    @MutationMapping
    DossiersSyncPayload dossiersSync(@Argument DossiersSyncInput input) {
        SyncReport report = sync.sync(input.source(), input.items() == null ? List.of() : input.items());
        return new DossiersSyncPayload(report.results().stream().map(r -> new DossierSyncResult(r.index(), r.externalId(), r.outcome(),
                r.dossierKey() == null ? null : NodeId.encode("Dossier", r.dossierKey()), r.status(), r.eventsAppended())).toList(),
                report.userErrors());
    }
}
