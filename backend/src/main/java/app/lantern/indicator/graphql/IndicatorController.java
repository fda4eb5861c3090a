package app.lantern.indicator.graphql;

import app.lantern.catalogue.Procedure;
import app.lantern.dossier.Dossier;
import app.lantern.indicator.IndicatorCode;
import app.lantern.indicator.IndicatorGroup;
import app.lantern.indicator.Indicators;
import app.lantern.indicator.Period;
import app.lantern.indicator.RuleSet;
import app.lantern.indicator.RuleSetAdmin;
import app.lantern.indicator.Scorecard;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.graphql.UserError;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The scorecard queries and rule sets: thin, the rules live in {@link Indicators} and {@link RuleSetAdmin}. */
@Controller
class IndicatorController implements NodeResolver {

    private final Indicators indicators;
    private final RuleSetAdmin admin;

    IndicatorController(Indicators indicators, RuleSetAdmin admin) {
        this.indicators = indicators;
        this.admin = admin;
    }

    @Override
    public String typeName() {
        return "IndicatorRuleSet";
    }

    @Override
    public Optional<?> find(long key) {
        return indicators.ruleSet(key);
    }

    record IndicatorPeriodInput(String kind, Integer year, Integer number, LocalDate from, LocalDate to) {
        Period toPeriod() {
            return Period.of(kind, year, number, from, to);
        }
    }

    private static long unit(String id) {
        return NodeId.longKey(id, "Unit");
    }

    @QueryMapping
    Scorecard indicatorScorecard(@Argument String unit, @Argument Boolean includeSubunits, @Argument IndicatorPeriodInput period) {
        return indicators.scorecard(unit(unit), includeSubunits == null || includeSubunits, period.toPeriod());
    }

    @QueryMapping
    List<Indicators.Ranked> indicatorRanking(@Argument String parent, @Argument String level, @Argument Boolean includeSubunits,
                                             @Argument IndicatorPeriodInput period) {
        return indicators.ranking(parent == null ? null : unit(parent), level, includeSubunits == null || includeSubunits,
                period.toPeriod());
    }

    @QueryMapping
    List<Scorecard> indicatorTrend(@Argument String unit, @Argument Boolean includeSubunits, @Argument LocalDate from,
                                   @Argument LocalDate to) {
        return indicators.trend(unit(unit), includeSubunits == null || includeSubunits, from, to);
    }

    @QueryMapping
    Connection<Dossier> indicatorDossiers(@Argument String unit, @Argument Boolean includeSubunits, @Argument IndicatorPeriodInput period,
                                          @Argument IndicatorCode indicator, @Argument String part, @Argument Integer first,
                                          @Argument String after, @Argument Integer last, @Argument String before,
                                          DataFetchingFieldSelectionSet selection) {
        return indicators.dossiers(unit(unit), includeSubunits == null || includeSubunits, period.toPeriod(), indicator, part,
                PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<Procedure> indicatorProcedures(@Argument String unit, @Argument Boolean includeSubunits,
                                              @Argument IndicatorPeriodInput period, @Argument IndicatorCode indicator,
                                              @Argument String part, @Argument Integer first, @Argument String after,
                                              @Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
        return indicators.procedures(unit(unit), includeSubunits == null || includeSubunits, period.toPeriod(), indicator, part,
                PageRequest.of(first, after, last, before), selection.contains("totalCount"));
    }

    @QueryMapping
    List<RuleSet> indicatorRuleSets() {
        return indicators.ruleSets();
    }

    @SchemaMapping(typeName = "IndicatorRuleSet", field = "id")
    String id(RuleSet rules) {
        return NodeId.encode("IndicatorRuleSet", rules.key());
    }

    record IndicatorRuleInput(IndicatorCode code, Double weight, Double cap, Double fullAt) {
    }

    record IndicatorGroupRuleInput(IndicatorGroup group, Double maxPoints, List<IndicatorRuleInput> indicators) {
    }

    record IndicatorRuleSetCreateInput(String name, LocalDate effectiveFrom, List<IndicatorGroupRuleInput> groups, Double excellentFrom,
                                       Double goodFrom, Double averageFrom) {
    }

    record IndicatorRuleSetPayload(RuleSet ruleSet, List<UserError> userErrors) {
    }

    @MutationMapping
    IndicatorRuleSetPayload indicatorRuleSetCreate(@Argument IndicatorRuleSetCreateInput input) {
        List<RuleSetAdmin.GroupDraft> groups = input.groups() == null ? null : input.groups().stream()
                .map(g -> new RuleSetAdmin.GroupDraft(g.group(), g.maxPoints(), g.indicators() == null ? null : g.indicators().stream()
                        .map(r -> new RuleSetAdmin.RuleDraft(r.code(), r.weight(), r.cap(), r.fullAt())).toList()))
                .toList();
        RuleSetAdmin.Outcome outcome = admin.create(new RuleSetAdmin.Draft(input.name(), input.effectiveFrom(), groups,
                input.excellentFrom(), input.goodFrom(), input.averageFrom()));
        return new IndicatorRuleSetPayload(outcome.ruleSet(), outcome.userErrors());
    }
}
