package app.lantern.inspection.finding.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierQueries;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.finding.EvidenceDocument;
import app.lantern.inspection.finding.Finding;
import app.lantern.inspection.finding.FindingEvidence;
import app.lantern.inspection.finding.FindingQueries;
import app.lantern.inspection.finding.FollowUpEntry;
import app.lantern.inspection.finding.InspectionConclusion;
import app.lantern.inspection.finding.InspectionInbox;
import app.lantern.inspection.sampling.DossierSample;
import app.lantern.inspection.sampling.DossierSampling;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.NotFoundException;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Findings as the SDL shows them: a plan's findings, conclusion and overdue count, the unit head's
 * inbox, and every nested field of Finding and FindingEvidence loaded for all findings of a
 * response at once.
 */
@Controller
class FindingController implements NodeResolver {

    private static final String PLAN_FINDINGS = "inspectionPlanFindings";

    private final FindingQueries queries;
    private final CatalogueService catalogue;
    private final DossierQueries dossiers;
    private final DossierSampling sampling;

    FindingController(FindingQueries queries, CatalogueService catalogue, DossierQueries dossiers, DossierSampling sampling,
                      BatchLoaderRegistry registry) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.sampling = sampling;
        // findings take a filter, which @BatchMapping cannot: one loader, keyed by plan and filter
        registry.<PlanFindings, List<Finding>>forName(PLAN_FINDINGS).registerMappedBatchLoader((keys, env) -> Mono.just(load(keys)));
    }

    @Override
    public String typeName() {
        return "Finding";
    }

    @Override
    public Optional<?> find(long key) {
        return queries.byId(key);
    }

    record FindingFilterInput(String unitId, List<String> recommendationStatus, Boolean overdue, Boolean includeWithdrawn) {
    }

    /** A plan and the filter its findings were asked with. */
    record PlanFindings(long planId, FindingQueries.Filter filter) {
    }

    private Map<PlanFindings, List<Finding>> load(Collection<PlanFindings> keys) {
        Map<PlanFindings, List<Finding>> result = new LinkedHashMap<>();
        Map<FindingQueries.Filter, List<PlanFindings>> byFilter = new LinkedHashMap<>();
        keys.forEach(k -> byFilter.computeIfAbsent(k.filter(), f -> new java.util.ArrayList<>()).add(k));
        byFilter.forEach((filter, group) -> {
            Map<Long, List<Finding>> found = queries.ofPlans(group.stream().map(PlanFindings::planId).toList(), filter);
            group.forEach(k -> result.put(k, found.getOrDefault(k.planId(), List.of())));
        });
        return result;
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "findings")
    CompletableFuture<List<Finding>> findings(InspectionPlan plan, @Argument FindingFilterInput filter, DataFetchingEnvironment env) {
        FindingQueries.Filter f = FindingQueries.Filter.RECORDED;
        if (filter != null) {
            Long unit = null;
            if (filter.unitId() != null) {
                try {
                    unit = NodeId.longKey(filter.unitId(), "Unit");
                } catch (NotFoundException e) {
                    throw new InvalidInputException("filter", "No unit with ID " + filter.unitId());
                }
            }
            f = new FindingQueries.Filter(unit, filter.recommendationStatus(), filter.overdue(), Boolean.TRUE.equals(filter.includeWithdrawn()));
        }
        DataLoader<PlanFindings, List<Finding>> loader = env.getDataLoader(PLAN_FINDINGS);
        return Objects.requireNonNull(loader).load(new PlanFindings(plan.key(), f));
    }

    @BatchMapping(typeName = "InspectionPlan", field = "conclusion")
    Map<InspectionPlan, InspectionConclusion> conclusion(List<InspectionPlan> plans) {
        Map<Long, InspectionConclusion> found = queries.conclusions(plans.stream().map(InspectionPlan::key).toList());
        return join(plans, found, InspectionPlan::key);
    }

    @BatchMapping(typeName = "InspectionPlan", field = "overdueRecommendationCount")
    Map<InspectionPlan, Integer> overdueRecommendationCount(List<InspectionPlan> plans) {
        Map<Long, Integer> counts = queries.overdueCounts(plans.stream().map(InspectionPlan::key).toList());
        Map<InspectionPlan, Integer> result = new LinkedHashMap<>();
        plans.forEach(p -> result.put(p, counts.getOrDefault(p.key(), 0)));
        return result;
    }

    @QueryMapping
    InspectionInbox inspectionInbox() {
        return new InspectionInbox(queries.inbox());
    }

    // ------------------------------------------------------------------ Finding

    @SchemaMapping(typeName = "Finding", field = "id")
    String id(Finding finding) {
        return NodeId.encode("Finding", finding.key());
    }

    @BatchMapping(typeName = "Finding", field = "plan")
    Map<Finding, InspectionPlan> plan(List<Finding> findings) {
        return join(findings, queries.plansOf(findings.stream().map(Finding::planId).distinct().toList()), Finding::planId);
    }

    @BatchMapping(typeName = "Finding", field = "unit")
    Map<Finding, Unit> unit(List<Finding> findings) {
        return join(findings, catalogue.unitsByIds(findings.stream().map(Finding::unitId).distinct().toList()), Finding::unitId);
    }

    @BatchMapping(typeName = "Finding", field = "responsibleOfficials")
    Map<Finding, List<Official>> responsibleOfficials(List<Finding> findings) {
        Map<Long, List<Long>> ids = queries.officialsOf(keys(findings));
        Map<Long, Official> officials = catalogue.officialsByIds(ids.values().stream().flatMap(List::stream).distinct().toList());
        Map<Finding, List<Official>> result = new LinkedHashMap<>();
        findings.forEach(f -> result.put(f, ids.getOrDefault(f.key(), List.of()).stream().map(officials::get)
                .filter(Objects::nonNull).toList()));
        return result;
    }

    @BatchMapping(typeName = "Finding", field = "evidence")
    Map<Finding, List<FindingEvidence>> evidence(List<Finding> findings) {
        Map<Long, List<FindingEvidence>> evidence = queries.evidenceOf(keys(findings));
        Map<Finding, List<FindingEvidence>> result = new LinkedHashMap<>();
        findings.forEach(f -> result.put(f, evidence.getOrDefault(f.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Finding", field = "followUp")
    Map<Finding, List<FollowUpEntry>> followUp(List<Finding> findings) {
        Map<Long, List<FollowUpEntry>> entries = queries.followUpOf(keys(findings));
        Map<Finding, List<FollowUpEntry>> result = new LinkedHashMap<>();
        findings.forEach(f -> result.put(f, entries.getOrDefault(f.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Finding", field = "overdue")
    Map<Finding, Boolean> overdue(List<Finding> findings) {
        LocalDate today = queries.today();
        Map<Finding, Boolean> result = new LinkedHashMap<>();
        findings.forEach(f -> result.put(f, f.overdueOn(today)));
        return result;
    }

    // ------------------------------------------------------------------ FindingEvidence

    @BatchMapping(typeName = "FindingEvidence", field = "dossier")
    Map<FindingEvidence, Dossier> evidenceDossier(List<FindingEvidence> evidence) {
        return joinOptional(evidence, dossiers.byIds(ids(evidence, FindingEvidence::dossierId)), FindingEvidence::dossierId);
    }

    /** Procedures are public catalogue data: evidence the caller may see shows its procedure, whichever unit's catalogue it is in. */
    @BatchMapping(typeName = "FindingEvidence", field = "procedure")
    Map<FindingEvidence, Procedure> evidenceProcedure(List<FindingEvidence> evidence) {
        return joinOptional(evidence, catalogue.proceduresOfVisibleDossiers(ids(evidence, FindingEvidence::procedureId)),
                FindingEvidence::procedureId);
    }

    /**
     * The sample of SAMPLE_ITEM evidence, for those who see the plan's samples (its team). A unit head gets null: a sample holds other units' dossiers; they see the
     * item itself, its examination and its dossier.
     */
    @BatchMapping(typeName = "FindingEvidence", field = "sample")
    Map<FindingEvidence, DossierSample> evidenceSample(List<FindingEvidence> evidence) {
        return joinOptional(evidence, sampling.byIds(ids(evidence, FindingEvidence::sampleId)), FindingEvidence::sampleId);
    }

    /** The sample item of SAMPLE_ITEM evidence, with its examination as it stands: whoever sees the finding sees it. */
    @BatchMapping(typeName = "FindingEvidence", field = "sampleItem")
    Map<FindingEvidence, DossierSample.Item> evidenceSampleItem(List<FindingEvidence> evidence) {
        Map<DossierSample.ItemRef, DossierSample.Item> items = sampling.itemsByRef(evidence.stream().map(FindingController::itemRef)
                .filter(Objects::nonNull).toList());
        Map<FindingEvidence, DossierSample.Item> result = new LinkedHashMap<>();
        evidence.forEach(e -> result.put(e, itemRef(e) == null ? null : items.get(itemRef(e))));
        return result;
    }

    private static DossierSample.ItemRef itemRef(FindingEvidence e) {
        return e.sampleId() == null ? null : new DossierSample.ItemRef(e.sampleId(), e.sampleOrdinal());
    }

    @BatchMapping(typeName = "FindingEvidence", field = "document")
    Map<FindingEvidence, EvidenceDocument> evidenceDocument(List<FindingEvidence> evidence) {
        return joinOptional(evidence, queries.documents(ids(evidence, FindingEvidence::documentId)), FindingEvidence::documentId);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Long> keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).toList();
    }

    private static <T> List<Long> ids(List<T> list, Function<T, Long> id) {
        return list.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    private static <T, V> Map<T, V> join(List<T> list, Map<Long, V> values, Function<T, Long> key) {
        Map<T, V> result = new LinkedHashMap<>();
        list.forEach(t -> result.put(t, values.get(key.apply(t))));
        return result;
    }

    private static <T, V> Map<T, V> joinOptional(List<T> list, Map<Long, V> values, Function<T, Long> key) {
        Map<T, V> result = new LinkedHashMap<>();
        list.forEach(t -> result.put(t, key.apply(t) == null ? null : values.get(key.apply(t))));
        return result;
    }
}
