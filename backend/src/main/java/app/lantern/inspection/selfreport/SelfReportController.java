package app.lantern.inspection.selfreport;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanStatistics;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Self-inspection reports in GraphQL: the query, {@code InspectionPlan.selfReports}, nested fields (batched), {@code node(id)} and mutations. */
@Controller
class SelfReportController implements NodeResolver {

    private final SelfReports reports;
    private final CatalogueService catalogue;

    SelfReportController(SelfReports reports, CatalogueService catalogue) {
        this.reports = reports;
        this.catalogue = catalogue;
    }

    @Override
    public String typeName() {
        return "SelfInspectionReport";
    }

    @Override
    public Optional<?> find(long key) {
        return reports.byId(key);
    }

    record SelfReportDifficultyInput(String category, String description) {
    }

    record LegalDocumentReviewInput(int reviewed, int expired, int inForce, int proposedForAmendment, int proposedForAbolition) {
    }

    record SimplificationProposalInput(String procedureId, String proposal) {
    }

    record SelfInspectionReportSaveInput(String reportId, int version, List<SelfReportDifficultyInput> difficulties,
                                         LegalDocumentReviewInput legalDocuments, List<SimplificationProposalInput> simplificationProposals,
                                         String proposals) {
    }

    record SelfInspectionReportTransitionInput(String reportId, int version) {
    }

    record SelfInspectionReportReturnInput(String reportId, int version, String reason) {
    }

    record SelfInspectionReportPayload(SelfInspectionReport report, List<UserError> userErrors) {
        static SelfInspectionReportPayload of(SelfReports.ReportOutcome outcome) {
            return new SelfInspectionReportPayload(outcome.report(), outcome.userErrors());
        }
    }

    /** A simplification proposal as the SDL shows it. */
    record SimplificationProposal(Procedure procedure, String proposal) {
    }

    @QueryMapping
    SelfInspectionReport selfInspectionReport(@Argument String planId, @Argument String unitId) {
        return reports.report(planId, unitId).orElse(null);
    }

    @MutationMapping
    SelfInspectionReportPayload selfInspectionReportSave(@Argument SelfInspectionReportSaveInput input) {
        LegalDocumentReviewInput l = input.legalDocuments();
        return SelfInspectionReportPayload.of(reports.save(input.reportId(), input.version(), new SelfReports.Contents(
                input.difficulties().stream().map(d -> new SelfReports.Difficulty(d.category(), d.description())).toList(),
                new SelfInspectionReport.LegalDocuments(l.reviewed(), l.expired(), l.inForce(), l.proposedForAmendment(), l.proposedForAbolition()),
                input.simplificationProposals().stream().map(p -> new SelfReports.Proposal(p.procedureId(), p.proposal())).toList(),
                input.proposals())));
    }

    @MutationMapping
    SelfInspectionReportPayload selfInspectionReportSubmit(@Argument SelfInspectionReportTransitionInput input) {
        return SelfInspectionReportPayload.of(reports.submit(input.reportId(), input.version()));
    }

    @MutationMapping
    SelfInspectionReportPayload selfInspectionReportReturn(@Argument SelfInspectionReportReturnInput input) {
        return SelfInspectionReportPayload.of(reports.returnToUnit(input.reportId(), input.version(), input.reason()));
    }

    @MutationMapping
    SelfInspectionReportPayload selfInspectionReportAccept(@Argument SelfInspectionReportTransitionInput input) {
        return SelfInspectionReportPayload.of(reports.accept(input.reportId(), input.version()));
    }

    @BatchMapping(typeName = "InspectionPlan", field = "selfReports")
    Map<InspectionPlan, List<SelfInspectionReport>> selfReports(List<InspectionPlan> list) {
        Map<Long, List<SelfInspectionReport>> found = reports.ofPlans(list.stream().map(InspectionPlan::key).toList());
        Map<InspectionPlan, List<SelfInspectionReport>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, found.getOrDefault(p.key(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = "SelfInspectionReport", field = "id")
    String id(SelfInspectionReport report) {
        return NodeId.encode("SelfInspectionReport", report.key());
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "plan")
    Map<SelfInspectionReport, InspectionPlan> plan(List<SelfInspectionReport> list) {
        Map<Long, InspectionPlan> plans = reports.plansOf(list.stream().map(SelfInspectionReport::planId).distinct().toList());
        return each(list, r -> plans.get(r.planId()));
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "unit")
    Map<SelfInspectionReport, Unit> unit(List<SelfInspectionReport> list) {
        Map<Long, Unit> units = catalogue.unitsByIds(list.stream().map(SelfInspectionReport::unitId).distinct().toList());
        return each(list, r -> units.get(r.unitId()));
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "figures")
    Map<SelfInspectionReport, PlanStatistics> figures(List<SelfInspectionReport> list) {
        Map<Long, PlanStatistics> figures = reports.figures(list);
        return each(list, r -> figures.get(r.key()));
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "difficulties")
    Map<SelfInspectionReport, List<SelfInspectionReport.Difficulty>> difficulties(List<SelfInspectionReport> list) {
        Map<Long, List<SelfInspectionReport.Difficulty>> found = reports.difficulties(list.stream().map(SelfInspectionReport::key).toList());
        return each(list, r -> found.getOrDefault(r.key(), List.of()));
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "simplificationProposals")
    Map<SelfInspectionReport, List<SimplificationProposal>> simplificationProposals(List<SelfInspectionReport> list) {
        Map<Long, List<SelfInspectionReport.Simplification>> found = reports.simplifications(list.stream().map(SelfInspectionReport::key).toList());
        Map<Long, Procedure> procedures = catalogue.proceduresOfVisibleDossiers(found.values().stream().flatMap(List::stream)
                .map(SelfInspectionReport.Simplification::procedureId).distinct().toList());
        return each(list, r -> found.getOrDefault(r.key(), List.of()).stream()
                .map(s -> new SimplificationProposal(procedures.get(s.procedureId()), s.proposal())).toList());
    }

    @BatchMapping(typeName = "SelfInspectionReport", field = "submissions")
    Map<SelfInspectionReport, List<SelfReportSubmission>> submissions(List<SelfInspectionReport> list) {
        Map<Long, List<SelfReportSubmission>> found = reports.submissions(list.stream().map(SelfInspectionReport::key).toList());
        return each(list, r -> found.getOrDefault(r.key(), List.of()));
    }

    @BatchMapping(typeName = "SelfReportSubmission", field = "simplificationProposals")
    Map<SelfReportSubmission, List<SimplificationProposal>> submittedSimplifications(List<SelfReportSubmission> list) {
        Map<Long, Procedure> procedures = catalogue.proceduresOfVisibleDossiers(list.stream()
                .flatMap(s -> s.content().simplifications().stream()).map(SelfInspectionReport.Simplification::procedureId).distinct().toList());
        Map<SelfReportSubmission, List<SimplificationProposal>> result = new LinkedHashMap<>();
        list.forEach(s -> result.put(s, s.content().simplifications().stream()
                .map(p -> new SimplificationProposal(procedures.get(p.procedureId()), p.proposal())).toList()));
        return result;
    }

    private static <V> Map<SelfInspectionReport, V> each(List<SelfInspectionReport> list, Function<SelfInspectionReport, V> value) {
        Map<SelfInspectionReport, V> result = new LinkedHashMap<>();
        list.forEach(r -> result.put(r, value.apply(r)));
        return result;
    }
}
