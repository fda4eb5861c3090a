package app.lantern.catalogue.graphql;

import app.lantern.catalogue.CatalogueFilters.Order;
import app.lantern.catalogue.CatalogueFilters.ProcedureFilter;
import app.lantern.catalogue.CatalogueFilters.UnitFilter;
import app.lantern.shared.graphql.NodeId;
import java.util.List;

/** GraphQL inputs of the catalogue queries, turned into the service's filters. */
final class CatalogueInputs {

    private CatalogueInputs() {
    }

    record UnitFilterInput(String level, String within, String text, Boolean oneStopShop) {
        UnitFilter toFilter() {
            return new UnitFilter(level, within == null ? null : NodeId.longKey(within, "Unit"), text, oneStopShop);
        }
    }

    record ProcedureFilterInput(String unit, String field, String level, String onlineLevel, Boolean published,
                                String reviewState, String text) {
        ProcedureFilter toFilter() {
            return new ProcedureFilter(unit == null ? null : NodeId.longKey(unit, "Unit"), field, level, onlineLevel,
                    published, reviewState, text);
        }
    }

    record OrderInput(String field, String direction) {
    }

    /** The first sort key (the catalogue lists sort by one field, then by key). */
    static Order first(List<OrderInput> orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        OrderInput o = orderBy.getFirst();
        return new Order(o.field(), "DESC".equals(o.direction()));
    }
}
