package app.lantern.indicator.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Unit;
import app.lantern.indicator.DelayList;
import app.lantern.indicator.DelayLists;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Scope;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Delays lists: staff read drafts, unit heads publish, anyone reads what was published. */
@Controller
class DelayListController {

    private final DelayLists lists;
    private final CatalogueService catalogue;

    DelayListController(DelayLists lists, CatalogueService catalogue) {
        this.lists = lists;
        this.catalogue = catalogue;
    }

    @QueryMapping
    DelayList delayList(@Argument String unit, @Argument int year, @Argument int month) {
        return lists.delayList(NodeId.longKey(unit, "Unit"), year, month);
    }

    @QueryMapping
    DelayList publishedDelayList(@Argument String unitCode, @Argument int year, @Argument int month) {
        return lists.published(unitCode, year, month).orElse(null);
    }

    @QueryMapping
    Connection<DelayList> publishedDelayLists(@Argument String unitCode, @Argument Integer year, @Argument Integer first,
                                              @Argument String after, DataFetchingFieldSelectionSet selection) {
        return lists.publishedPage(unitCode, year, PageRequest.of(first, after, null, null), selection.contains("totalCount"));
    }

    record DelayListPublishInput(String unitId, int year, int month) {
    }

    record DelayListPayload(DelayList delayList, List<UserError> userErrors) {
    }

    @MutationMapping
    DelayListPayload delayListPublish(@Argument DelayListPublishInput input) {
        long unit;
        try {
            unit = NodeId.longKey(input.unitId(), "Unit");
        } catch (NotFoundException e) {
            return new DelayListPayload(null, List.of(UserError.of("unitId", "NOT_FOUND", "No unit of yours with this ID")));
        }
        DelayLists.Outcome outcome = lists.publish(unit, input.year(), input.month());
        return new DelayListPayload(outcome.delayList(), outcome.userErrors());
    }

    /** The unit as a Unit object for staff; the public reads the code and name on the list. */
    @BatchMapping(typeName = "DelayList", field = "unit")
    Map<DelayList, Unit> unit(List<DelayList> list) {
        Map<DelayList, Unit> result = new LinkedHashMap<>();
        Map<Long, Unit> units = Scope.current().none() ? Map.of() : catalogue.unitsByIds(list.stream().map(DelayList::unitId).toList());
        list.forEach(l -> result.put(l, units.get(l.unitId())));
        return result;
    }

    /** The official as an Official object for staff who may see them; the public reads the name on the list. */
    @BatchMapping(typeName = "DelayListEntry", field = "official")
    Map<DelayList.Entry, Official> official(List<DelayList.Entry> entries) {
        Map<DelayList.Entry, Official> result = new LinkedHashMap<>();
        Map<Long, Official> officials = Scope.current().none() ? Map.of()
                : catalogue.officialsByIds(entries.stream().map(DelayList.Entry::officialId).filter(Objects::nonNull).toList());
        entries.forEach(e -> result.put(e, e.officialId() == null ? null : officials.get(e.officialId())));
        return result;
    }
}
