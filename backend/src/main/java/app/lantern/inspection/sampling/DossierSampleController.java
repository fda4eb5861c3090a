package app.lantern.inspection.sampling;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierQueries;
import app.lantern.inspection.InspectionPlan;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Samples in GraphQL: {@code InspectionPlan.samples}, the sample's nested fields (batched), {@code node(id)} and the mutations. */
@Controller
class DossierSampleController implements NodeResolver {

    private final DossierSampling sampling;
    private final CatalogueService catalogue;
    private final DossierQueries dossiers;

    DossierSampleController(DossierSampling sampling, CatalogueService catalogue, DossierQueries dossiers) {
        this.sampling = sampling;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
    }

    @Override
    public String typeName() {
        return "DossierSample";
    }

    @Override
    public Optional<?> find(long key) {
        return sampling.byId(key);
    }

    record DossierSamplePopulationInput(String unitId, List<String> outcomes, String field, String procedureId) {
    }

    record DossierSampleDrawInput(String planId, String name, DossierSamplePopulationInput population, int size,
                                  Boolean stratifyByField, String seed) {
    }

    record DossierSampleExamineInput(String sampleId, int ordinal, String result, String note) {
    }

    record DossierSamplePayload(DossierSample sample, List<UserError> userErrors) {
        static DossierSamplePayload of(DossierSampling.SampleOutcome outcome) {
            return new DossierSamplePayload(outcome.sample(), outcome.userErrors());
        }
    }

    @MutationMapping
    DossierSamplePayload dossierSampleDraw(@Argument DossierSampleDrawInput input) {
        DossierSamplePopulationInput p = input.population();
        return DossierSamplePayload.of(sampling.draw(new DossierSampling.Draw(input.planId(), input.name(), p.unitId(), p.outcomes(),
                p.field(), p.procedureId(), input.size(), Boolean.TRUE.equals(input.stratifyByField()), input.seed())));
    }

    @MutationMapping
    DossierSamplePayload dossierSampleExamine(@Argument DossierSampleExamineInput input) {
        return DossierSamplePayload.of(sampling.examine(input.sampleId(), input.ordinal(), input.result(), input.note()));
    }

    @BatchMapping(typeName = "InspectionPlan", field = "samples")
    Map<InspectionPlan, List<DossierSample>> samples(List<InspectionPlan> list) {
        Map<Long, List<DossierSample>> found = sampling.ofPlans(list.stream().map(InspectionPlan::key).toList());
        Map<InspectionPlan, List<DossierSample>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, found.getOrDefault(p.key(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = "DossierSample", field = "id")
    String id(DossierSample sample) {
        return NodeId.encode("DossierSample", sample.key());
    }

    @SchemaMapping(typeName = "DossierSample", field = "stratifiedByField")
    boolean stratifiedByField(DossierSample sample) {
        return sample.stratified();
    }

    @BatchMapping(typeName = "DossierSample", field = "plan")
    Map<DossierSample, InspectionPlan> plan(List<DossierSample> list) {
        Map<Long, InspectionPlan> plans = sampling.plansOf(list.stream().map(DossierSample::planId).distinct().toList());
        Map<DossierSample, InspectionPlan> result = new LinkedHashMap<>();
        list.forEach(s -> result.put(s, plans.get(s.planId())));
        return result;
    }

    @BatchMapping(typeName = "DossierSample", field = "items")
    Map<DossierSample, List<DossierSample.Item>> items(List<DossierSample> list) {
        Map<Long, List<DossierSample.Item>> items = sampling.items(list.stream().map(DossierSample::key).toList());
        Map<DossierSample, List<DossierSample.Item>> result = new LinkedHashMap<>();
        list.forEach(s -> result.put(s, items.getOrDefault(s.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "DossierSampleItem", field = "dossier")
    Map<DossierSample.Item, Dossier> dossier(List<DossierSample.Item> list) {
        Map<Long, Dossier> found = dossiers.byIds(list.stream().map(DossierSample.Item::dossierId).toList());
        Map<DossierSample.Item, Dossier> result = new LinkedHashMap<>();
        list.forEach(i -> result.put(i, found.get(i.dossierId())));
        return result;
    }

    @BatchMapping(typeName = "DossierSamplePopulation", field = "unit")
    Map<DossierSample.Population, Unit> populationUnit(List<DossierSample.Population> list) {
        Map<Long, Unit> units = catalogue.unitsByIds(list.stream().map(DossierSample.Population::unitId).filter(Objects::nonNull).toList());
        Map<DossierSample.Population, Unit> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, p.unitId() == null ? null : units.get(p.unitId())));
        return result;
    }

    @BatchMapping(typeName = "DossierSamplePopulation", field = "procedure")
    Map<DossierSample.Population, Procedure> populationProcedure(List<DossierSample.Population> list) {
        Map<Long, Procedure> procedures = catalogue.proceduresOfVisibleDossiers(
                list.stream().map(DossierSample.Population::procedureId).filter(Objects::nonNull).toList());
        Map<DossierSample.Population, Procedure> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, p.procedureId() == null ? null : procedures.get(p.procedureId())));
        return result;
    }
}
