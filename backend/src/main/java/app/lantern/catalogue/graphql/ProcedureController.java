package app.lantern.catalogue.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.ProcedureStep;
import app.lantern.catalogue.Unit;
import app.lantern.catalogue.graphql.CatalogueInputs.OrderInput;
import app.lantern.catalogue.graphql.CatalogueInputs.ProcedureFilterInput;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Procedures, their steps and officials: the catalogue connection and nested fields in batches. */
@Controller
class ProcedureController {

    private final CatalogueService catalogue;

    ProcedureController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Controller
    static class ProcedureNodes implements app.lantern.shared.graphql.NodeResolver {
        private final CatalogueService catalogue;

        ProcedureNodes(CatalogueService catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public String typeName() {
            return "Procedure";
        }

        @Override
        public Optional<?> find(long key) {
            return catalogue.procedure(key);
        }
    }

    @Controller
    static class OfficialNodes implements app.lantern.shared.graphql.NodeResolver {
        private final CatalogueService catalogue;

        OfficialNodes(CatalogueService catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public String typeName() {
            return "Official";
        }

        @Override
        public Optional<?> find(long key) {
            return catalogue.official(key);
        }
    }

    @QueryMapping
    Connection<Procedure> procedures(@Argument ProcedureFilterInput filter, @Argument Integer first, @Argument String after,
                                     @Argument Integer last, @Argument String before, @Argument List<OrderInput> orderBy,
                                     DataFetchingFieldSelectionSet selection) {
        return catalogue.procedures(filter == null ? null : filter.toFilter(), CatalogueInputs.first(orderBy),
                PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "Procedure", field = "id")
    String id(Procedure procedure) {
        return NodeId.encode("Procedure", procedure.key());
    }

    @SchemaMapping(typeName = "Procedure", field = "fee")
    int fee(Procedure procedure) {
        return (int) Math.min(Integer.MAX_VALUE, procedure.fee());
    }

    @BatchMapping(typeName = "Procedure", field = "unit")
    Map<Procedure, Unit> unit(List<Procedure> procedures) {
        Map<Long, Unit> units = catalogue.unitsByIds(procedures.stream().map(Procedure::unitId).toList());
        Map<Procedure, Unit> result = new LinkedHashMap<>();
        procedures.forEach(p -> result.put(p, units.get(p.unitId())));
        return result;
    }

    @BatchMapping(typeName = "Procedure", field = "steps")
    Map<Procedure, List<ProcedureStep>> steps(List<Procedure> procedures) {
        Map<Long, List<ProcedureStep>> steps = catalogue.stepsOfProcedures(procedures.stream().map(Procedure::key).toList());
        Map<Procedure, List<ProcedureStep>> result = new LinkedHashMap<>();
        procedures.forEach(p -> result.put(p, steps.getOrDefault(p.key(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = "ProcedureStep", field = "id")
    String stepId(ProcedureStep step) {
        return NodeId.encode("ProcedureStep", step.key());
    }

    @BatchMapping(typeName = "ProcedureStep", field = "responsibleUnit")
    Map<ProcedureStep, Unit> responsibleUnit(List<ProcedureStep> steps) {
        Map<Long, Unit> units = catalogue.unitsByIds(steps.stream().map(ProcedureStep::responsibleUnitId).toList());
        Map<ProcedureStep, Unit> result = new LinkedHashMap<>();
        steps.forEach(s -> result.put(s, units.get(s.responsibleUnitId())));
        return result;
    }

    @SchemaMapping(typeName = "Official", field = "id")
    String officialId(Official official) {
        return NodeId.encode("Official", official.key());
    }

    @BatchMapping(typeName = "Official", field = "unit")
    Map<Official, Unit> officialUnit(List<Official> officials) {
        Map<Long, Unit> units = catalogue.unitsByIds(officials.stream().map(Official::unitId).toList());
        Map<Official, Unit> result = new LinkedHashMap<>();
        officials.forEach(o -> result.put(o, units.get(o.unitId())));
        return result;
    }
}
