package app.lantern.inspection.analysis;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Procedure;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.analysis.PlanAnalysis.CauseCount;
import app.lantern.inspection.analysis.PlanAnalysis.Part;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The breakdowns, causes and export link of InspectionPlan. Fields with a {@code unitId} argument
 * are batched through data loaders keyed by plan and unit: a page of plans costs one statement per
 * field, whatever its size.
 */
@Controller
class PlanAnalysisController {

    private static final String BY_FIELD = "inspection.statisticsByField";
    private static final String BY_PROCEDURE = "inspection.statisticsByProcedure";
    private static final String CAUSES = "inspection.causes";

    private final CatalogueService catalogue;

    PlanAnalysisController(PlanAnalysis analysis, CatalogueService catalogue, BatchLoaderRegistry registry) {
        this.catalogue = catalogue;
        registry.<Part, List<PlanStatistics>>forName(BY_FIELD)
                .registerMappedBatchLoader((parts, env) -> Mono.fromCallable(() -> analysis.byField(parts)));
        registry.<Part, List<PlanStatistics>>forName(BY_PROCEDURE)
                .registerMappedBatchLoader((parts, env) -> Mono.fromCallable(() -> analysis.byProcedure(parts)));
        registry.<Part, List<CauseCount>>forName(CAUSES)
                .registerMappedBatchLoader((parts, env) -> Mono.fromCallable(() -> analysis.causes(parts)));
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "statisticsByField")
    CompletableFuture<List<PlanStatistics>> statisticsByField(InspectionPlan plan, @Argument String unitId, DataFetchingEnvironment env) {
        return env.<Part, List<PlanStatistics>>getDataLoader(BY_FIELD).load(part(plan, unitId));
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "statisticsByProcedure")
    CompletableFuture<List<PlanStatistics>> statisticsByProcedure(InspectionPlan plan, @Argument String unitId,
                                                                  DataFetchingEnvironment env) {
        return env.<Part, List<PlanStatistics>>getDataLoader(BY_PROCEDURE).load(part(plan, unitId));
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "causes")
    CompletableFuture<List<CauseCount>> causes(InspectionPlan plan, @Argument String unitId, DataFetchingEnvironment env) {
        return env.<Part, List<CauseCount>>getDataLoader(CAUSES).load(part(plan, unitId));
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "statisticsExportUrl")
    String statisticsExportUrl(InspectionPlan plan) {
        return StatisticsExportController.path(plan.key());
    }

    /** Procedures of breakdown rows: the plan's dossiers make them visible to whoever sees the row. */
    @BatchMapping(typeName = "InspectionStatistics", field = "procedure")
    Map<PlanStatistics, Procedure> procedure(List<PlanStatistics> list) {
        Map<Long, Procedure> procedures = catalogue.proceduresOfVisibleDossiers(
                list.stream().map(PlanStatistics::procedureId).filter(Objects::nonNull).distinct().toList());
        Map<PlanStatistics, Procedure> result = new LinkedHashMap<>();
        list.forEach(s -> result.put(s, s.procedureId() == null ? null : procedures.get(s.procedureId())));
        return result;
    }

    /** The part an argument names; an ID that is not a unit's names a part nobody may see (an empty answer). */
    private static Part part(InspectionPlan plan, String unitId) {
        if (unitId == null) {
            return new Part(plan.key(), null);
        }
        try {
            return new Part(plan.key(), NodeId.longKey(unitId, "Unit"));
        } catch (NotFoundException e) {
            return new Part(plan.key(), -1L);
        }
    }
}
