package app.lantern.inspection.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Unit;
import app.lantern.inspection.ChecklistItem;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.InspectionPlans;
import app.lantern.inspection.PlanFilter;
import app.lantern.inspection.PlanMember;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.PlanStatus;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Plan queries and the nested fields of InspectionPlan, each loaded for a whole page in one batch. */
@Controller
class InspectionPlanController implements NodeResolver {

    private final InspectionPlans plans;
    private final CatalogueService catalogue;

    InspectionPlanController(InspectionPlans plans, CatalogueService catalogue) {
        this.plans = plans;
        this.catalogue = catalogue;
    }

    @Override
    public String typeName() {
        return "InspectionPlan";
    }

    @Override
    public Optional<?> find(long key) {
        return plans.byId(key);
    }

    record InspectionPlanFilterInput(List<PlanStatus> status, String text) {
    }

    /** A team member as the SDL shows it. */
    record InspectionTeamMember(Official official, String role) {
    }

    record InspectionPlanOrderInput(String field, String direction) {
    }

    @QueryMapping
    Connection<InspectionPlan> inspectionPlans(@Argument InspectionPlanFilterInput filter, @Argument Integer first,
                                               @Argument String after, @Argument Integer last, @Argument String before,
                                               @Argument List<InspectionPlanOrderInput> orderBy, DataFetchingFieldSelectionSet selection) {
        PlanFilter f = filter == null ? null : new PlanFilter(filter.status(), filter.text());
        PlanFilter.Order order = orderBy == null || orderBy.isEmpty() ? null
                : new PlanFilter.Order(orderBy.getFirst().field(), "DESC".equals(orderBy.getFirst().direction()));
        return plans.page(f, order, PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @QueryMapping
    InspectionPlan inspectionPlan(@Argument String number) {
        return plans.byNumber(number).orElse(null);
    }

    @SchemaMapping(typeName = "InspectionPlan", field = "id")
    String id(InspectionPlan plan) {
        return NodeId.encode("InspectionPlan", plan.key());
    }

    @BatchMapping(typeName = "InspectionPlan", field = "checklist")
    Map<InspectionPlan, List<ChecklistItem>> checklist(List<InspectionPlan> list) {
        Map<Long, List<ChecklistItem>> items = plans.checklists(keys(list));
        Map<InspectionPlan, List<ChecklistItem>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, items.getOrDefault(p.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "InspectionPlan", field = "targets")
    Map<InspectionPlan, List<Unit>> targets(List<InspectionPlan> list) {
        Map<Long, List<Long>> targets = plans.targets(keys(list));
        Map<Long, Unit> units = catalogue.unitsByIds(targets.values().stream().flatMap(List::stream).distinct().toList());
        Map<InspectionPlan, List<Unit>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, targets.getOrDefault(p.key(), List.of()).stream().map(units::get).filter(Objects::nonNull).toList()));
        return result;
    }

    @BatchMapping(typeName = "InspectionPlan", field = "team")
    Map<InspectionPlan, List<InspectionTeamMember>> team(List<InspectionPlan> list) {
        Map<Long, List<PlanMember>> teams = plans.teams(keys(list));
        Map<Long, Official> officials = catalogue.officialsByIds(teams.values().stream().flatMap(List::stream)
                .map(PlanMember::officialId).distinct().toList());
        Map<InspectionPlan, List<InspectionTeamMember>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, teams.getOrDefault(p.key(), List.of()).stream()
                .filter(m -> officials.containsKey(m.officialId()))
                .map(m -> new InspectionTeamMember(officials.get(m.officialId()), m.role())).toList()));
        return result;
    }

    @BatchMapping(typeName = "InspectionPlan", field = "lead")
    Map<InspectionPlan, Official> lead(List<InspectionPlan> list) {
        Map<Long, List<PlanMember>> teams = plans.teams(keys(list));
        Map<Long, Official> officials = catalogue.officialsByIds(teams.values().stream().flatMap(List::stream)
                .filter(PlanMember::lead).map(PlanMember::officialId).toList());
        Map<InspectionPlan, Official> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, teams.getOrDefault(p.key(), List.of()).stream().filter(PlanMember::lead)
                .map(m -> officials.get(m.officialId())).filter(Objects::nonNull).findFirst().orElse(null)));
        return result;
    }

    @BatchMapping(typeName = "InspectionPlan", field = "statistics")
    Map<InspectionPlan, List<PlanStatistics>> statistics(List<InspectionPlan> list) {
        Map<Long, List<PlanStatistics>> figures = plans.statistics(keys(list));
        Map<InspectionPlan, List<PlanStatistics>> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, figures.getOrDefault(p.key(), List.of()).stream().filter(s -> s.unitId() != null).toList()));
        return result;
    }

    @BatchMapping(typeName = "InspectionPlan", field = "totals")
    Map<InspectionPlan, PlanStatistics> totals(List<InspectionPlan> list) {
        Map<Long, List<PlanStatistics>> figures = plans.statistics(keys(list));
        Map<InspectionPlan, PlanStatistics> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p, figures.getOrDefault(p.key(), List.of()).stream().filter(s -> s.unitId() == null)
                .findFirst().orElse(null)));
        return result;
    }

    @BatchMapping(typeName = "InspectionStatistics", field = "unit")
    Map<PlanStatistics, Unit> statisticsUnit(List<PlanStatistics> list) {
        Map<Long, Unit> units = catalogue.unitsByIds(list.stream().map(PlanStatistics::unitId).filter(Objects::nonNull).distinct().toList());
        Map<PlanStatistics, Unit> result = new LinkedHashMap<>();
        list.forEach(s -> result.put(s, s.unitId() == null ? null : units.get(s.unitId())));
        return result;
    }

    private static List<Long> keys(List<InspectionPlan> list) {
        return list.stream().map(InspectionPlan::key).toList();
    }
}
