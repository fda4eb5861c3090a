package app.lantern.sync.graphql;

import app.lantern.dossier.DossierStatus;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.UserError;
import app.lantern.sync.DossierSync;
import app.lantern.sync.SyncItem;
import app.lantern.sync.SyncOutcome;
import app.lantern.sync.SyncReport;
import app.lantern.dossier.Transition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    record DossierSyncResult(int index, String externalId, SyncOutcome outcome, String dossierId, DossierStatus status,
                             int eventsAppended) {
    }

    record DossiersSyncPayload(List<DossierSyncResult> results, List<UserError> userErrors) {
    }

    /**
     * The input is read from the coerced argument map by hand: binding a thousand items with their
     * events through the generic record binder cost more than storing them.
     */
    @MutationMapping
    DossiersSyncPayload dossiersSync(@Argument("input") Map<String, Object> input) {
        List<?> raw = input.get("items") instanceof List<?> list ? list : List.of();
        List<SyncItem> items = new ArrayList<>(raw.size());
        for (Object item : raw) {
            items.add(item((Map<?, ?>) item));
        }
        SyncReport report = sync.sync((String) input.get("source"), items);
        return new DossiersSyncPayload(report.results().stream().map(r -> new DossierSyncResult(r.index(), r.externalId(), r.outcome(),
                r.dossierKey() == null ? null : NodeId.encode("Dossier", r.dossierKey()), r.status(), r.eventsAppended())).toList(),
                report.userErrors());
    }

    private static SyncItem item(Map<?, ?> m) {
        Map<?, ?> a = (Map<?, ?>) m.get("applicant");
        SyncItem.Applicant applicant = a == null ? null : new SyncItem.Applicant((String) a.get("kind"), (String) a.get("name"),
                (String) a.get("identityNumber"), (String) a.get("phone"), (String) a.get("address"));
        List<?> rawEvents = m.get("events") instanceof List<?> list ? list : List.of();
        List<SyncItem.Event> events = new ArrayList<>(rawEvents.size());
        for (Object e : rawEvents) {
            Map<?, ?> x = (Map<?, ?>) e;
            events.add(new SyncItem.Event(Transition.valueOf((String) x.get("transition")), (OffsetDateTime) x.get("at"),
                    (String) x.get("reason"), (String) x.get("result"), (Boolean) x.get("digitisedResult"), (String) x.get("rejectCategory"),
                    (LocalDate) x.get("newAppointmentDate"), (Integer) x.get("satisfaction")));
        }
        Integer fee = (Integer) m.get("feeAmount");
        SyncItem.Facts facts = new SyncItem.Facts(fee == null ? null : fee.longValue(), flag(m, "syncedToNationalPortal"),
                flag(m, "certifiedCopyRequested"), flag(m, "certifiedCopyElectronic"), flag(m, "reusedDigitisedData"),
                flag(m, "usedPopulationData"), flag(m, "resultSyncedToCitizenStore"));
        return new SyncItem((String) m.get("externalId"), (String) m.get("receiptCode"), (String) m.get("unitCode"),
                (String) m.get("procedureCode"), applicant, (String) m.get("channel"), (Boolean) m.get("onlinePayment"),
                (Boolean) m.get("digitisedDossier"), events, facts);
    }

    private static boolean flag(Map<?, ?> m, String name) {
        return Boolean.TRUE.equals(m.get(name));
    }
}
