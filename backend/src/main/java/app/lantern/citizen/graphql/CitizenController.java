package app.lantern.citizen.graphql;

import app.lantern.citizen.CitizenDossiers;
import app.lantern.citizen.PublicDossier;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.web.ClientAddress;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The citizen's lookup, "my dossiers" and satisfaction rating. */
@Controller
class CitizenController {

    private final CitizenDossiers citizens;

    CitizenController(CitizenDossiers citizens) {
        this.citizens = citizens;
    }

    @QueryMapping
    PublicDossier dossierLookup(@Argument String receiptCode, @Argument String secondFactor,
                                @ContextValue(name = ClientAddress.CONTEXT_KEY) String clientAddress) {
        return citizens.lookup(receiptCode, secondFactor, clientAddress).orElse(null);
    }

    @QueryMapping
    Connection<PublicDossier> myDossiers(@Argument Integer first, @Argument String after, @Argument Integer last,
                                         @Argument String before, DataFetchingFieldSelectionSet selection) {
        return citizens.mine(PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    record DossierSatisfactionSubmitInput(String receiptCode, String secondFactor, int satisfaction) {
    }

    @MutationMapping
    CitizenDossiers.Rating dossierSatisfactionSubmit(@Argument DossierSatisfactionSubmitInput input,
                                                     @ContextValue(name = ClientAddress.CONTEXT_KEY) String clientAddress) {
        return citizens.rate(input.receiptCode(), input.secondFactor(), input.satisfaction(), clientAddress);
    }

    @SchemaMapping(typeName = "PublicDossier", field = "nextAction")
    PublicDossier.NextAction nextAction(PublicDossier d) {
        return d.nextAction();
    }

    @SchemaMapping(typeName = "PublicDossier", field = "canRate")
    boolean canRate(PublicDossier d) {
        return d.canRate();
    }

    @BatchMapping(typeName = "PublicDossier", field = "timeline")
    Map<PublicDossier, List<PublicDossier.Step>> timeline(List<PublicDossier> list) {
        Map<Long, List<PublicDossier.Step>> steps = citizens.timelines(list.stream().map(PublicDossier::key).toList());
        Map<PublicDossier, List<PublicDossier.Step>> result = new LinkedHashMap<>();
        list.forEach(d -> result.put(d, steps.getOrDefault(d.key(), List.of())));
        return result;
    }
}
