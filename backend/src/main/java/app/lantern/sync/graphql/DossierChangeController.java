package app.lantern.sync.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierQueries;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.sync.DossierChange;
import app.lantern.sync.DossierChanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The change feed ({@code dossierChanges}), live status changes ({@code dossierStatusChanged}) and DossierChange's objects. */
@Controller
class DossierChangeController {

    private final DossierChanges changes;
    private final DossierQueries dossiers;
    private final CatalogueService catalogue;

    DossierChangeController(DossierChanges changes, DossierQueries dossiers, CatalogueService catalogue) {
        this.changes = changes;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
    }

    record DossierChangeEdge(String cursor, DossierChange node) {
    }

    record DossierChangeConnection(List<DossierChangeEdge> edges, List<DossierChange> nodes, Connection.PageInfo pageInfo) {
    }

    @QueryMapping
    DossierChangeConnection dossierChanges(@Argument String after, @Argument List<String> units, @Argument Integer first) {
        int size = first == null ? PageRequest.DEFAULT_SIZE : first;
        if (size < 1) {
            throw new InvalidInputException("first", "Ask for at least one change");
        }
        DossierChanges.Page page = changes.after(after, unitKeys(units), size);
        List<DossierChangeEdge> edges = page.changes().stream().map(c -> new DossierChangeEdge(c.cursor(), c)).toList();
        return new DossierChangeConnection(edges, page.changes(), new Connection.PageInfo(page.hasMore(), after != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), page.endCursor()));
    }

    @SubscriptionMapping
    Flux<DossierChange> dossierStatusChanged(@Argument List<String> units) {
        return changes.statusChanges(unitKeys(units));
    }

    @BatchMapping(typeName = "DossierChange", field = "dossier")
    Map<DossierChange, Dossier> dossier(List<DossierChange> list) {
        Map<Long, Dossier> found = dossiers.byIds(list.stream().map(DossierChange::dossierId).toList());
        Map<DossierChange, Dossier> result = new LinkedHashMap<>();
        list.forEach(c -> result.put(c, found.get(c.dossierId())));
        return result;
    }

    @BatchMapping(typeName = "DossierChange", field = "unit")
    Map<DossierChange, Unit> unit(List<DossierChange> list) {
        Map<Long, Unit> found = catalogue.unitsByIds(list.stream().map(DossierChange::unitId).toList());
        Map<DossierChange, Unit> result = new LinkedHashMap<>();
        list.forEach(c -> result.put(c, found.get(c.unitId())));
        return result;
    }

    private static List<Long> unitKeys(List<String> units) {
        return units == null ? null : units.stream().map(id -> NodeId.longKey(id, "Unit")).toList();
    }
}
