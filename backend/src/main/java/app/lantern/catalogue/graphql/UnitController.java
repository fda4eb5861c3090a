package app.lantern.catalogue.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Unit;
import app.lantern.catalogue.UnitSuccession;
import app.lantern.catalogue.UnitTreeEntry;
import app.lantern.catalogue.graphql.CatalogueInputs.OrderInput;
import app.lantern.catalogue.graphql.CatalogueInputs.UnitFilterInput;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Units: the connection, the tree, and their nested fields in batches. */
@Controller
class UnitController implements NodeResolver {

    private final CatalogueService catalogue;

    UnitController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String typeName() {
        return "Unit";
    }

    @Override
    public Optional<?> find(long key) {
        return catalogue.unit(key);
    }

    @QueryMapping
    Connection<Unit> units(@Argument UnitFilterInput filter, @Argument LocalDate asOf, @Argument Integer first,
                           @Argument String after, @Argument Integer last, @Argument String before,
                           @Argument List<OrderInput> orderBy, DataFetchingFieldSelectionSet selection) {
        return catalogue.units(filter == null ? null : filter.toFilter(), asOf, CatalogueInputs.first(orderBy),
                PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @QueryMapping
    List<UnitTreeEntry> unitTree(@Argument LocalDate asOf, @Argument String root) {
        return catalogue.tree(asOf, root == null ? null : NodeId.longKey(root, "Unit"));
    }

    @SchemaMapping(typeName = "Unit", field = "id")
    String id(Unit unit) {
        return NodeId.encode("Unit", unit.key());
    }

    @BatchMapping(typeName = "Unit", field = "parent")
    Map<Unit, Unit> parent(List<Unit> units) {
        Map<Long, Unit> parents = catalogue.unitsByIds(units.stream().map(Unit::parentId).toList());
        Map<Unit, Unit> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, u.parentId() == null ? null : parents.get(u.parentId())));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "children")
    Map<Unit, List<Unit>> children(List<Unit> units) {
        Map<Long, List<Unit>> children = catalogue.childrenOf(units.stream().map(Unit::key).toList());
        Map<Unit, List<Unit>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, children.getOrDefault(u.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "officials")
    Map<Unit, List<Official>> officials(List<Unit> units) {
        Map<Long, List<Official>> officials = catalogue.officialsOfUnits(units.stream().map(Unit::key).toList());
        Map<Unit, List<Official>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, officials.getOrDefault(u.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "successors")
    Map<Unit, List<UnitSuccession>> successors(List<Unit> units) {
        List<UnitSuccession> all = catalogue.successionsOf(units.stream().map(Unit::key).toList());
        Map<Unit, List<UnitSuccession>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, all.stream().filter(s -> s.predecessorId() == u.key()).toList()));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "predecessors")
    Map<Unit, List<UnitSuccession>> predecessors(List<Unit> units) {
        List<UnitSuccession> all = catalogue.successionsOf(units.stream().map(Unit::key).toList());
        Map<Unit, List<UnitSuccession>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, all.stream().filter(s -> s.successorId() == u.key()).toList()));
        return result;
    }

    @BatchMapping(typeName = "UnitSuccession", field = "predecessor")
    Map<UnitSuccession, Unit> predecessor(List<UnitSuccession> successions) {
        Map<Long, Unit> units = catalogue.unitsByIds(successions.stream().map(UnitSuccession::predecessorId).toList());
        Map<UnitSuccession, Unit> result = new LinkedHashMap<>();
        successions.forEach(s -> result.put(s, units.get(s.predecessorId())));
        return result;
    }

    @BatchMapping(typeName = "UnitSuccession", field = "successor")
    Map<UnitSuccession, Unit> successor(List<UnitSuccession> successions) {
        Map<Long, Unit> units = catalogue.unitsByIds(successions.stream().map(UnitSuccession::successorId).toList());
        Map<UnitSuccession, Unit> result = new LinkedHashMap<>();
        successions.forEach(s -> result.put(s, units.get(s.successorId())));
        return result;
    }
}
