package app.lantern.dossier.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.ProcedureStep;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierEvent;
import app.lantern.dossier.DossierFilter;
import app.lantern.dossier.DossierOrder;
import app.lantern.dossier.DossierQueries;
import app.lantern.dossier.DossierStatus;
import app.lantern.dossier.StatusCount;
import app.lantern.dossier.Transition;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Dossier queries and the nested fields of Dossier and DossierEvent, all nested objects in batches. */
@Controller
class DossierController implements NodeResolver {

    private final DossierQueries dossiers;
    private final CatalogueService catalogue;

    DossierController(DossierQueries dossiers, CatalogueService catalogue) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
    }

    @Override
    public String typeName() {
        return "Dossier";
    }

    @Override
    public Optional<?> find(long key) {
        return dossiers.byId(key);
    }

    record DossierFilterInput(String unit, Boolean includeSubunits, String procedure, String field, List<DossierStatus> status,
                              String channel, LocalDate receivedFrom, LocalDate receivedTo, Boolean late, Boolean overdue,
                              Boolean open, LocalDate carriedOverAt, String text) {
        DossierFilter toFilter() {
            return new DossierFilter(unit == null ? null : NodeId.longKey(unit, "Unit"), includeSubunits == null || includeSubunits,
                    procedure == null ? null : NodeId.longKey(procedure, "Procedure"), field, status, channel, receivedFrom,
                    receivedTo, late, overdue, open, carriedOverAt, text);
        }
    }

    record DossierOrderInput(String field, String direction) {
    }

    @QueryMapping
    Connection<Dossier> dossiers(@Argument DossierFilterInput filter, @Argument Integer first, @Argument String after,
                                 @Argument Integer last, @Argument String before, @Argument List<DossierOrderInput> orderBy,
                                 DataFetchingFieldSelectionSet selection) {
        List<DossierOrder> order = orderBy == null ? null
                : orderBy.stream().map(o -> new DossierOrder(o.field(), "DESC".equals(o.direction()))).toList();
        return dossiers.page(filter == null ? null : filter.toFilter(), order, PageRequest.of(first, after, last, before),
                selection.contains("totalCount"));
    }

    @QueryMapping
    Dossier dossier(@Argument String code) {
        return dossiers.byCode(code).orElse(null);
    }

    @QueryMapping
    List<StatusCount> dossierCountsByStatus(@Argument DossierFilterInput filter) {
        return dossiers.countsByStatus(filter == null ? null : filter.toFilter());
    }

    // ------------------------------------------------------------------ Dossier fields

    @SchemaMapping(typeName = "Dossier", field = "id")
    String id(Dossier dossier) {
        return NodeId.encode("Dossier", dossier.key());
    }

    record Applicant(String kind, String name, String identityNumber, String phone, String address) {
    }

    record Apology(String reason, LocalDate newAppointmentDate, Instant issuedAt, String category) {
    }

    record Rejection(String category, String reason) {
    }

    @SchemaMapping(typeName = "Dossier", field = "applicant")
    Applicant applicant(Dossier d) {
        return d.applicantVisible() ? new Applicant(d.applicantKind(), d.applicantName(), d.identityNumber(), d.phone(), d.address()) : null;
    }

    @SchemaMapping(typeName = "Dossier", field = "apology")
    Apology apology(Dossier d) {
        return d.apologyIssuedAt() == null ? null : new Apology(d.apologyReason(), d.apologyNewDate(), d.apologyIssuedAt(), d.apologyCategory());
    }

    @SchemaMapping(typeName = "Dossier", field = "rejection")
    Rejection rejection(Dossier d) {
        return d.rejectCategory() == null ? null : new Rejection(d.rejectCategory(), d.rejectReason());
    }

    @SchemaMapping(typeName = "Dossier", field = "overdue")
    boolean overdue(Dossier d) {
        return d.overdueOn(dossiers.today());
    }

    @SchemaMapping(typeName = "Dossier", field = "workingDaysUsedBeforePause")
    int workingDaysUsedBeforePause(Dossier d) {
        return d.daysUsedBefore();
    }

    @BatchMapping(typeName = "Dossier", field = "procedure")
    Map<Dossier, Procedure> procedure(List<Dossier> list) {
        return join(list, catalogue.proceduresOfVisibleDossiers(list.stream().map(Dossier::procedureId).toList()), Dossier::procedureId);
    }

    @BatchMapping(typeName = "Dossier", field = "unit")
    Map<Dossier, Unit> unit(List<Dossier> list) {
        return join(list, catalogue.unitsByIds(list.stream().map(Dossier::unitId).toList()), Dossier::unitId);
    }

    @BatchMapping(typeName = "Dossier", field = "currentStep")
    Map<Dossier, ProcedureStep> currentStep(List<Dossier> list) {
        return join(list, catalogue.stepsByIds(list.stream().map(Dossier::currentStepId).toList()), Dossier::currentStepId);
    }

    @BatchMapping(typeName = "Dossier", field = "currentOfficial")
    Map<Dossier, Official> currentOfficial(List<Dossier> list) {
        return join(list, catalogue.officialsByIds(list.stream().map(Dossier::currentOfficialId).toList()), Dossier::currentOfficialId);
    }

    @BatchMapping(typeName = "Dossier", field = "events")
    Map<Dossier, List<DossierEvent>> events(List<Dossier> list) {
        Map<Long, List<DossierEvent>> events = dossiers.eventsOf(list.stream().map(Dossier::key).toList());
        Map<Dossier, List<DossierEvent>> result = new LinkedHashMap<>();
        list.forEach(d -> result.put(d, events.getOrDefault(d.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Dossier", field = "allowedTransitions")
    Map<Dossier, List<Transition>> allowedTransitions(List<Dossier> list) {
        Map<Long, List<Transition>> allowed = dossiers.allowedTransitions(list);
        Map<Dossier, List<Transition>> result = new LinkedHashMap<>();
        list.forEach(d -> result.put(d, allowed.getOrDefault(d.key(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Dossier", field = "lastEvent")
    Map<Dossier, DossierEvent> lastEvent(List<Dossier> list) {
        Map<Long, List<DossierEvent>> events = dossiers.eventsOf(list.stream().map(Dossier::key).toList());
        Map<Dossier, DossierEvent> result = new LinkedHashMap<>();
        list.forEach(d -> {
            List<DossierEvent> timeline = events.getOrDefault(d.key(), List.of());
            result.put(d, timeline.isEmpty() ? null : timeline.getLast());
        });
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "latestDossiers")
    Map<Unit, List<Dossier>> latestDossiers(List<Unit> units) {
        Map<Long, List<Dossier>> latest = dossiers.latestOfUnits(units.stream().map(Unit::key).toList());
        Map<Unit, List<Dossier>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, latest.getOrDefault(u.key(), List.of())));
        return result;
    }

    // ------------------------------------------------------------------ DossierEvent fields

    @BatchMapping(typeName = "DossierEvent", field = "step")
    Map<DossierEvent, ProcedureStep> eventStep(List<DossierEvent> list) {
        return join(list, catalogue.stepsByIds(list.stream().map(DossierEvent::stepId).toList()), DossierEvent::stepId);
    }

    @BatchMapping(typeName = "DossierEvent", field = "unit")
    Map<DossierEvent, Unit> eventUnit(List<DossierEvent> list) {
        return join(list, catalogue.unitsByIds(list.stream().map(DossierEvent::unitId).toList()), DossierEvent::unitId);
    }

    @BatchMapping(typeName = "DossierEvent", field = "official")
    Map<DossierEvent, Official> eventOfficial(List<DossierEvent> list) {
        return join(list, catalogue.officialsByIds(list.stream().map(DossierEvent::officialId).toList()), DossierEvent::officialId);
    }

    private static <S, T> Map<S, T> join(List<S> sources, Map<Long, T> targets, Function<S, Long> key) {
        Map<S, T> result = new LinkedHashMap<>();
        sources.forEach(s -> {
            Long id = key.apply(s);
            result.put(s, id == null ? null : targets.get(id));
        });
        return result;
    }
}
