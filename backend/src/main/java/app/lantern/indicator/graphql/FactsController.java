package app.lantern.indicator.graphql;

import app.lantern.catalogue.Procedure;
import app.lantern.dossier.Dossier;
import app.lantern.indicator.Facts;
import graphql.GraphQLContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The indicator facts added to Dossier and Procedure. Each page of objects costs one statement
 * for all these fields together: the facts are remembered for the request.
 */
@Controller
class FactsController {

    private static final String DOSSIER_FACTS = FactsController.class.getName() + ".dossiers";
    private static final String PROCEDURE_FACTS = FactsController.class.getName() + ".procedures";

    private final Facts facts;

    FactsController(Facts facts) {
        this.facts = facts;
    }

    private Map<Dossier, Facts.DossierFacts> dossierFacts(List<Dossier> list, GraphQLContext context) {
        Map<Long, Facts.DossierFacts> known = context.computeIfAbsent(DOSSIER_FACTS, k -> new ConcurrentHashMap<>());
        List<Long> missing = list.stream().map(Dossier::key).filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            known.putAll(facts.ofDossiers(missing));
        }
        Map<Dossier, Facts.DossierFacts> result = new LinkedHashMap<>();
        list.forEach(d -> result.put(d, known.get(d.key())));
        return result;
    }

    private <T> Map<Dossier, T> dossierField(List<Dossier> list, GraphQLContext context, Function<Facts.DossierFacts, T> field) {
        Map<Dossier, T> result = new LinkedHashMap<>();
        dossierFacts(list, context).forEach((d, f) -> result.put(d, f == null ? null : field.apply(f)));
        return result;
    }

    @BatchMapping(typeName = "Dossier", field = "feeAmount")
    Map<Dossier, Long> feeAmount(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::feeAmount);
    }

    @BatchMapping(typeName = "Dossier", field = "syncedToNationalPortal")
    Map<Dossier, Boolean> syncedToNationalPortal(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::syncedToNationalPortal);
    }

    @BatchMapping(typeName = "Dossier", field = "certifiedCopyRequested")
    Map<Dossier, Boolean> certifiedCopyRequested(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::certifiedCopyRequested);
    }

    @BatchMapping(typeName = "Dossier", field = "certifiedCopyElectronic")
    Map<Dossier, Boolean> certifiedCopyElectronic(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::certifiedCopyElectronic);
    }

    @BatchMapping(typeName = "Dossier", field = "reusedDigitisedData")
    Map<Dossier, Boolean> reusedDigitisedData(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::reusedDigitisedData);
    }

    @BatchMapping(typeName = "Dossier", field = "usedPopulationData")
    Map<Dossier, Boolean> usedPopulationData(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::usedPopulationData);
    }

    @BatchMapping(typeName = "Dossier", field = "resultSyncedToCitizenStore")
    Map<Dossier, Boolean> resultSyncedToCitizenStore(List<Dossier> list, GraphQLContext context) {
        return dossierField(list, context, Facts.DossierFacts::resultSyncedToCitizenStore);
    }

    private <T> Map<Procedure, T> procedureField(List<Procedure> list, GraphQLContext context,
                                                 Function<Facts.ProcedureFacts, T> field) {
        Map<Long, Facts.ProcedureFacts> known = context.computeIfAbsent(PROCEDURE_FACTS, k -> new ConcurrentHashMap<>());
        List<Long> missing = list.stream().map(Procedure::key).filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            known.putAll(facts.ofProcedures(missing));
        }
        Map<Procedure, T> result = new LinkedHashMap<>();
        list.forEach(p -> {
            Facts.ProcedureFacts f = known.get(p.key());
            result.put(p, f == null ? null : field.apply(f));
        });
        return result;
    }

    @BatchMapping(typeName = "Procedure", field = "effectiveOn")
    Map<Procedure, LocalDate> effectiveOn(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::effectiveOn);
    }

    @BatchMapping(typeName = "Procedure", field = "announcedOn")
    Map<Procedure, LocalDate> announcedOn(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::announcedOn);
    }

    @BatchMapping(typeName = "Procedure", field = "publishedOn")
    Map<Procedure, LocalDate> publishedOn(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::publishedOn);
    }

    @BatchMapping(typeName = "Procedure", field = "fullContentPublished")
    Map<Procedure, Boolean> fullContentPublished(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::fullContentPublished);
    }

    @BatchMapping(typeName = "Procedure", field = "onlinePaymentEnabled")
    Map<Procedure, Boolean> onlinePaymentEnabled(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::onlinePaymentEnabled);
    }

    @BatchMapping(typeName = "Procedure", field = "portalPaymentConfigured")
    Map<Procedure, Boolean> portalPaymentConfigured(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::portalPaymentConfigured);
    }

    @BatchMapping(typeName = "Procedure", field = "populationDbConnected")
    Map<Procedure, Boolean> populationDbConnected(List<Procedure> list, GraphQLContext context) {
        return procedureField(list, context, Facts.ProcedureFacts::populationDbConnected);
    }
}
