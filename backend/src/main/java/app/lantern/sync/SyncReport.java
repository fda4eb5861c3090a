package app.lantern.sync;

import app.lantern.dossier.DossierStatus;
import app.lantern.shared.graphql.UserError;
import java.util.List;

/** The outcome of a sync batch: one result per item, in input order, and the errors of refused items. */
public record SyncReport(List<Result> results, List<UserError> userErrors) {

    /** @param dossierKey null when the item was refused before its dossier existed */
    public record Result(int index, String externalId, SyncOutcome outcome, Long dossierKey, DossierStatus status,
                         int eventsAppended) {
    }
}
