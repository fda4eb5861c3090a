package app.lantern.indicator.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.indicator.Worklists;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The overdue backlog and the nearly-due dossiers. */
@Controller
class WorklistController {

    private final Worklists worklists;
    private final CatalogueService catalogue;

    WorklistController(Worklists worklists, CatalogueService catalogue) {
        this.worklists = worklists;
        this.catalogue = catalogue;
    }

    @QueryMapping
    Worklists.Backlog overdueBacklog(@Argument String unit, @Argument Integer first, @Argument String after) {
        return worklists.overdueBacklog(unit == null ? null : NodeId.longKey(unit, "Unit"), PageRequest.of(first, after, null, null));
    }

    @QueryMapping
    Connection<Dossier> nearlyDueDossiers(@Argument String unit, @Argument Integer withinWorkingDays, @Argument Integer first,
                                          @Argument String after, DataFetchingFieldSelectionSet selection) {
        return worklists.nearlyDue(unit == null ? null : NodeId.longKey(unit, "Unit"), withinWorkingDays == null ? 3 : withinWorkingDays,
                PageRequest.of(first, after, null, null), selection.contains("totalCount"));
    }

    @BatchMapping(typeName = "OverdueBacklogRow", field = "unit")
    Map<Worklists.BacklogRow, Unit> unit(List<Worklists.BacklogRow> rows) {
        Map<Long, Unit> units = catalogue.unitsByIds(rows.stream().map(Worklists.BacklogRow::unitId).toList());
        Map<Worklists.BacklogRow, Unit> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put(r, units.get(r.unitId())));
        return result;
    }

    @BatchMapping(typeName = "OverdueBacklogRow", field = "procedure")
    Map<Worklists.BacklogRow, Procedure> procedure(List<Worklists.BacklogRow> rows) {
        Map<Long, Procedure> procedures = catalogue.proceduresOfVisibleDossiers(rows.stream().map(Worklists.BacklogRow::procedureId).toList());
        Map<Worklists.BacklogRow, Procedure> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put(r, procedures.get(r.procedureId())));
        return result;
    }
}
