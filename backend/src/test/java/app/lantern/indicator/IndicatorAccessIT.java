package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import app.lantern.support.SqlStatementCounter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may read indicators and change rule sets: inspectors and administrators everything, unit
 * heads their subtree, partner systems the scorecards of the units their token lists (not the staff
 * work lists), the public only published delays lists; rule sets are added by administrators only,
 * validated field by field and audited.
 */
class IndicatorAccessIT extends ApiTestBase {

    private static final Map<String, Object> YEAR = Map.of("kind", "YEAR", "year", 2024);

    @Autowired
    JdbcClient jdbc;

    private String unit(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).single());
    }

    private record Query(String document, Map<String, Object> variables) {
    }

    private List<Query> staffQueries() {
        String syt = unit("NA-SYT");
        return List.of(
                new Query("indicatorScorecard", Map.of("unit", syt, "period", YEAR)),
                new Query("indicatorRanking", Map.of("period", YEAR)),
                new Query("indicatorTrend", Map.of("unit", syt, "from", "2024-01-01", "to", "2024-03-01")),
                new Query("indicatorDossiers", Map.of("unit", syt, "period", YEAR, "indicator", "DOSSIERS_FILED_ONLINE", "part", "NUMERATOR")),
                new Query("indicatorProcedures", Map.of("unit", syt, "period", YEAR, "indicator", "PROCEDURES_ONLINE", "part", "NUMERATOR")),
                new Query("indicatorRuleSets", Map.of()),
                new Query("delayList", Map.of("unit", syt, "year", 2024, "month", 3)),
                new Query("overdueBacklog", Map.of()),
                new Query("nearlyDueDossiers", Map.of()));
    }

    private static GraphQlTester.Response run(GraphQlTester tester, Query query) {
        GraphQlTester.Request<?> request = tester.documentName(query.document());
        for (Map.Entry<String, Object> v : query.variables().entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        return request.execute();
    }

    @Test
    void citizensAndPartnersAreForbiddenAndAnonymousCallersUnauthorisedBeforeAnySql() {
        for (GraphQlTester refused : List.of(citizen(), partner())) {
            for (Query query : staffQueries()) {
                GraphQlTester.Response r = run(refused, query);
                r.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).as(query.document())
                        .containsExactly(ErrorType.FORBIDDEN));
                r.path("").valueIsNull();
            }
        }
        List<Query> queries = staffQueries();
        long before = SqlStatementCounter.count();
        for (Query query : queries) {
            GraphQlTester.Response r = run(anonymous(), query);
            r.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).as(query.document())
                    .containsExactly(ErrorType.UNAUTHORIZED));
            r.path("").valueIsNull();
        }
        assertThat(SqlStatementCounter.count()).isEqualTo(before);
    }

    private static void refused(GraphQlTester.Response response, String what) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).as(what)
                .containsExactly(ErrorType.FORBIDDEN));
    }

    private static double total(GraphQlTester tester, String unit) {
        return tester.documentName("indicatorScorecard").variable("unit", unit).variable("period", YEAR).execute()
                .path("indicatorScorecard.total").entity(Double.class).get();
    }

    private static List<String> ranked(GraphQlTester tester, String parent) {
        return tester.documentName("indicatorRanking").variable("parent", parent).variable("period", YEAR).execute()
                .path("indicatorRanking[*].scorecard.unit.code").entityList(String.class).get();
    }

    @Test
    void aPartnerReadsTheScorecardsOfItsUnitsOnly() {
        HttpGraphQlTester syt = as(tokens().partner("lantern-partner-syt", List.of("NA-SYT"), List.of()));
        String sytId = unit("NA-SYT");
        assertThat(total(syt, sytId)).isEqualTo(total(unitHead("NA-SYT"), sytId));
        assertThat(ranked(syt, null)).isEqualTo(ranked(unitHead("NA-SYT"), null));
        syt.documentName("indicatorTrend").variable("unit", sytId).variable("from", "2024-01-01").variable("to", "2024-03-01").execute()
                .path("indicatorTrend[*].total").entityList(Double.class).hasSize(3);
        syt.documentName("indicatorProcedures").variable("unit", sytId).variable("period", YEAR).variable("indicator", "PROCEDURES_ONLINE")
                .variable("part", "DENOMINATOR").execute().path("indicatorProcedures.totalCount").entity(Long.class)
                .satisfies(count -> assertThat(count).isPositive());
        // the drill-down lists the unit's dossiers, without applicants: this partner writes nothing
        GraphQlTester.Response drill = syt.documentName("indicatorDossiers").variable("unit", sytId).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "DENOMINATOR").variable("first", 30).execute();
        long count = drill.path("indicatorDossiers.totalCount").entity(Long.class).get();
        assertThat(count).isPositive().isEqualTo(inspector().documentName("indicatorDossiers").variable("unit", sytId).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "DENOMINATOR").execute()
                .path("indicatorDossiers.totalCount").entity(Long.class).get());
        drill.path("indicatorDossiers.nodes[*].unit.code").entityList(String.class).hasSize(30).satisfies(codes -> assertThat(codes).containsOnly("NA-SYT"))
                .path("indicatorDossiers.nodes[*].applicant").entityList(Object.class).satisfies(a -> assertThat(a).containsOnlyNulls());

        // units outside its token are refused, above it and beside it, in every indicator query
        for (String outside : List.of(unit("NA-STNMT"), unit("NA"), unit("NA-QUYHOP"))) {
            refused(syt.documentName("indicatorScorecard").variable("unit", outside).variable("period", YEAR).execute(), "scorecard");
            refused(syt.documentName("indicatorRanking").variable("parent", outside).variable("period", YEAR).execute(), "ranking");
            refused(syt.documentName("indicatorTrend").variable("unit", outside).variable("from", "2024-01-01").variable("to", "2024-03-01")
                    .execute(), "trend");
            refused(syt.documentName("indicatorDossiers").variable("unit", outside).variable("period", YEAR)
                    .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "NUMERATOR").execute(), "dossiers");
            refused(syt.documentName("indicatorProcedures").variable("unit", outside).variable("period", YEAR)
                    .variable("indicator", "PROCEDURES_ONLINE").variable("part", "NUMERATOR").execute(), "procedures");
        }

        // granted two separate units, it ranks those two
        HttpGraphQlTester two = as(tokens().partner("lantern-partner-two", List.of("NA-STNMT", "NA-SYT"), List.of()));
        assertThat(ranked(two, null)).containsExactlyInAnyOrder("NA-SYT", "NA-STNMT");
        refused(two.documentName("indicatorScorecard").variable("unit", unit("NA")).variable("period", YEAR).execute(), "scorecard of NA");
    }

    @Test
    void theNationalPortalReadsEveryScorecardAndTheProvincialSystemItsProvinceWithApplicants() {
        String na = unit("NA");
        assertThat(total(portal(), na)).isEqualTo(total(inspector(), na));
        assertThat(total(ngheAn(), na)).isEqualTo(total(inspector(), na));
        assertThat(ranked(portal(), null)).isEqualTo(ranked(inspector(), null)).isNotEmpty();
        assertThat(ranked(ngheAn(), null)).isEqualTo(ranked(inspector(), null));
        for (HttpGraphQlTester partner : List.of(portal(), ngheAn())) {
            partner.documentName("indicatorRuleSets").execute().path("indicatorRuleSets[*].name").entityList(String.class)
                    .contains("Quyết định 766/QĐ-TTg (tái dựng)");
        }
        // applicants only where the partner writes: the portal writes nothing, Nghe An's system writes NA
        portal().documentName("indicatorDossiers").variable("unit", na).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "NUMERATOR").variable("first", 20).execute()
                .path("indicatorDossiers.nodes[*].applicant").entityList(Object.class).hasSize(20)
                .satisfies(a -> assertThat(a).containsOnlyNulls());
        ngheAn().documentName("indicatorDossiers").variable("unit", na).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "NUMERATOR").variable("first", 20).execute()
                .path("indicatorDossiers.nodes[*].applicant.name").entityList(String.class).hasSize(20);
        HttpGraphQlTester writesSyt = as(tokens().partner("lantern-partner-syt", List.of("NA"), List.of("NA-SYT")));
        writesSyt.documentName("indicatorDossiers").variable("unit", unit("NA-STNMT")).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "NUMERATOR").variable("first", 10).execute()
                .path("indicatorDossiers.nodes[*].applicant").entityList(Object.class).hasSize(10)
                .satisfies(a -> assertThat(a).containsOnlyNulls());
        writesSyt.documentName("indicatorDossiers").variable("unit", unit("NA-SYT")).variable("period", YEAR)
                .variable("indicator", "DOSSIERS_FILED_ONLINE").variable("part", "NUMERATOR").variable("first", 10).execute()
                .path("indicatorDossiers.nodes[*].applicant.name").entityList(String.class).hasSize(10);
    }

    @Test
    void partnersMayNotUseTheStaffWorkListsNorChangeRuleSetsOrPublishDelaysLists() {
        String syt = unit("NA-SYT");
        List<Query> staffOnly = List.of(
                new Query("delayList", Map.of("unit", syt, "year", 2024, "month", 3)),
                new Query("overdueBacklog", Map.of()),
                new Query("overdueBacklog", Map.of("unit", syt)),
                new Query("nearlyDueDossiers", Map.of()));
        LocalDate from = LocalDate.now(WorkingDays.ZONE).plusYears(2).withDayOfMonth(1);
        for (HttpGraphQlTester partner : List.of(portal(), ngheAn(), as(tokens().partner("lantern-partner-syt", List.of("NA-SYT"),
                List.of("NA-SYT"))))) {
            for (Query query : staffOnly) {
                refused(run(partner, query), query.document());
            }
            refused(partner.documentName("indicatorRuleSetCreate").variable("input", ruleSet(from)).execute(), "indicatorRuleSetCreate");
            refused(partner.documentName("delayListPublish").variable("input", Map.of("unitId", syt, "year", 2024, "month", 3)).execute(),
                    "delayListPublish");
        }
        assertThat(jdbc.sql("select count(*) from indicator_rule_set").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from delay_list where unit_id = (select id from unit where code = 'NA-SYT')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void inspectorsAndAdministratorsReadEveryUnitAndUnitHeadsTheirOwn() {
        for (GraphQlTester reader : List.of(inspector(), admin(), unitHead("NA-SYT"))) {
            for (Query query : staffQueries()) {
                run(reader, query).errors().verify();
            }
        }
        // the province's ranking lists its departments and districts; a unit head's, the units below theirs
        GraphQlTester.Response ranking = inspector().documentName("indicatorRanking").variable("period", YEAR).execute();
        List<String> ranked = ranking.path("indicatorRanking[*].scorecard.unit.code").entityList(String.class).get();
        assertThat(ranked).contains("NA-SYT", "NA-STNMT", "NA-QUYHOP").doesNotContain("NA-TTT", "NA");
        List<Integer> ranks = ranking.path("indicatorRanking[*].rank").entityList(Integer.class).get();
        assertThat(ranks.getFirst()).isEqualTo(1);
        assertThat(ranks).isSorted();
        List<Double> totals = ranking.path("indicatorRanking[*].scorecard.total").entityList(Double.class).get();
        assertThat(totals).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        unitHead("NA-SYT").documentName("indicatorScorecard").variable("unit", unit("NA-STNMT")).variable("period", YEAR).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        unitHead("NA-SYT").documentName("indicatorScorecard").variable("unit", unit("NA")).variable("period", YEAR).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
    }

    @Test
    void aPeriodIsCheckedFieldByField() {
        String syt = unit("NA-SYT");
        for (Map<String, Object> period : List.of(Map.<String, Object>of("kind", "MONTH", "year", 2024, "number", 13),
                Map.<String, Object>of("kind", "QUARTER", "year", 2024), Map.<String, Object>of("kind", "CUSTOM", "from", "2024-05-01"),
                Map.<String, Object>of("kind", "YEAR", "year", 2019))) {
            inspector().documentName("indicatorScorecard").variable("unit", syt).variable("period", period).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).as(period.toString())
                            .containsExactly(ErrorType.BAD_REQUEST));
        }
        inspector().documentName("indicatorScorecard").variable("unit", syt)
                .variable("period", Map.of("kind", "CUSTOM", "from", "2024-02-10", "to", "2024-04-03")).execute()
                .path("indicatorScorecard.period").entity(new ParameterizedTypeReference<Map<String, Object>>() { })
                .isEqualTo(Map.of("kind", "CUSTOM", "from", "2024-02-01", "to", "2024-04-30"));
    }

    private static Map<String, Object> ruleSet(LocalDate from) {
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byGroup = new LinkedHashMap<>();
        for (IndicatorCode code : IndicatorCode.values()) {
            byGroup.computeIfAbsent(code.group().name(), g -> new ArrayList<>()).add(new HashMap<>(Map.of("code", code.name(), "weight", 1.0)));
        }
        Map<String, Double> max = Map.of("PUBLICITY", 20.0, "PROGRESS", 30.0, "ONLINE_SERVICES", 10.0, "ONLINE_PAYMENT", 10.0,
                "DIGITISATION", 20.0, "SATISFACTION", 10.0);
        byGroup.forEach((group, rules) -> groups.add(new HashMap<>(Map.of("group", group, "maxPoints", max.get(group), "indicators", rules))));
        return new HashMap<>(Map.of("name", "Bộ tiêu chí thử nghiệm", "effectiveFrom", from.toString(), "groups", groups,
                "excellentFrom", 85.0, "goodFrom", 65.0, "averageFrom", 45.0));
    }

    private Map<String, Object> monthCard(String unit, LocalDate day) {
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", unit)
                .variable("period", Map.of("kind", "MONTH", "year", day.getYear(), "number", day.getMonthValue())).execute();
        r.errors().verify();
        return r.path("indicatorScorecard").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @Test
    @SuppressWarnings("unchecked")
    void administratorsAddRuleSetsThatApplyFromTheirDateOnly() {
        // from today: the current month (its end is after today) is scored under the new rule set
        LocalDate from = LocalDate.now(WorkingDays.ZONE);
        Map<String, Object> old = monthCard(unit("NA-SYT"), from);
        for (GraphQlTester refused : List.of(inspector(), unitHead("NA-SYT"), citizen(), partner())) {
            refused.documentName("indicatorRuleSetCreate").variable("input", ruleSet(from)).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }

        Map<String, Object> bad = ruleSet(LocalDate.of(2020, 1, 1));
        bad.put("goodFrom", 90.0);
        bad.put("name", " ");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) bad.get("groups");
        groups.getFirst().put("maxPoints", 25.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> first = (List<Map<String, Object>>) groups.getFirst().get("indicators");
        first.getFirst().put("fullAt", 1.5);
        first.add(new HashMap<>(Map.of("code", "DOSSIER_SATISFACTION", "weight", 2.0)));
        GraphQlTester.Response refused = admin().documentName("indicatorRuleSetCreate").variable("input", bad).execute();
        refused.path("indicatorRuleSetCreate.ruleSet").valueIsNull();
        List<Map<String, Object>> errors = refused.path("indicatorRuleSetCreate.userErrors")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(errors).extracting(e -> String.join(".", ((List<?>) e.get("field")).stream().map(Object::toString).toList()) + " " + e.get("code"))
                .contains("input.name REQUIRED", "input.effectiveFrom IN_THE_PAST", "input.excellentFrom OUT_OF_RANGE",
                        "input.groups.0.indicators.0.fullAt OUT_OF_RANGE", "input.groups NOT_100");
        assertThat(errors).extracting(e -> e.get("code")).contains("DUPLICATE");
        assertThat(jdbc.sql("select count(*) from indicator_rule_set").query(Long.class).single()).isEqualTo(1L);

        try {
            GraphQlTester.Response created = admin().documentName("indicatorRuleSetCreate").variable("input", ruleSet(from)).execute();
            created.path("indicatorRuleSetCreate.userErrors").entityList(Object.class).hasSize(0);
            created.path("indicatorRuleSetCreate.ruleSet.effectiveFrom").entity(String.class).isEqualTo(from.toString());
            created.path("indicatorRuleSetCreate.ruleSet.createdBy").entity(String.class).isEqualTo("admin");
            created.path("indicatorRuleSetCreate.ruleSet.groups[0].indicators[0].cap").entity(Double.class).isEqualTo(1.0);
            created.path("indicatorRuleSetCreate.ruleSet.groups[0].indicators[0].fullAt").entity(Double.class).isEqualTo(1.0);
            assertThat(jdbc.sql("select count(*) from audit_record where action = 'indicatorRuleSet.create' and actor = 'admin'")
                    .query(Long.class).single()).isEqualTo(1L);
            admin().documentName("indicatorRuleSetCreate").variable("input", ruleSet(from)).execute()
                    .path("indicatorRuleSetCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");

            // a month from the new date on is scored under it, with its weights: every indicator weighs 1 (cap 1, full at 100 %),
            // so earns its rate; groups are capped at 20/30/10/10/20/10 and the bands start at 85/65/45. The counts stay the same.
            String syt = unit("NA-SYT");
            Map<String, Object> card = monthCard(syt, from);
            assertThat(((Map<String, Object>) card.get("ruleSet")).get("name")).isEqualTo("Bộ tiêu chí thử nghiệm");
            Map<String, Double> max = Map.of("PUBLICITY", 20.0, "PROGRESS", 30.0, "ONLINE_SERVICES", 10.0, "ONLINE_PAYMENT", 10.0,
                    "DIGITISATION", 20.0, "SATISFACTION", 10.0);
            List<Map<String, Object>> oldGroups = (List<Map<String, Object>>) old.get("groups");
            List<Map<String, Object>> newGroups = (List<Map<String, Object>>) card.get("groups");
            double total = 0;
            boolean anyChanged = false;
            for (int g = 0; g < newGroups.size(); g++) {
                Map<String, Object> group = newGroups.get(g);
                List<Map<String, Object>> indicators = (List<Map<String, Object>>) group.get("indicators");
                List<Map<String, Object>> before = (List<Map<String, Object>>) oldGroups.get(g).get("indicators");
                double sum = 0;
                for (int i = 0; i < indicators.size(); i++) {
                    Map<String, Object> indicator = indicators.get(i);
                    assertThat(indicator.get("numerator")).as(indicator.get("code") + "").isEqualTo(before.get(i).get("numerator"));
                    assertThat(indicator.get("denominator")).as(indicator.get("code") + "").isEqualTo(before.get(i).get("denominator"));
                    double rate = indicator.get("rate") == null ? 0 : ((Number) indicator.get("rate")).doubleValue();
                    assertThat(((Number) indicator.get("weight")).doubleValue()).isEqualTo(1.0);
                    assertThat(((Number) indicator.get("points")).doubleValue()).as(indicator.get("code") + "").isEqualTo(round(Math.min(1, rate)));
                    anyChanged |= ((Number) indicator.get("points")).doubleValue() != ((Number) before.get(i).get("points")).doubleValue();
                    sum += Math.min(1, rate);
                }
                double points = Math.min(max.get((String) group.get("group")), sum);
                assertThat(((Number) group.get("points")).doubleValue()).isEqualTo(round(points));
                assertThat(((Number) group.get("maxPoints")).doubleValue()).isEqualTo(max.get((String) group.get("group")));
                total += points;
            }
            assertThat(anyChanged).as("the new weights change the points").isTrue();
            assertThat(((Number) card.get("total")).doubleValue()).isEqualTo(round(total));
            double rounded = round(total);
            assertThat(card.get("band")).isEqualTo(rounded >= 85 ? "EXCELLENT" : rounded >= 65 ? "GOOD" : rounded >= 45 ? "AVERAGE" : "WEAK");
            LocalDate before = from.minusMonths(1);
            inspector().documentName("indicatorScorecard").variable("unit", syt)
                    .variable("period", Map.of("kind", "MONTH", "year", before.getYear(), "number", before.getMonthValue())).execute()
                    .path("indicatorScorecard.ruleSet.name").entity(String.class).isEqualTo("Quyết định 766/QĐ-TTg (tái dựng)");
            inspector().documentName("indicatorRuleSets").execute().path("indicatorRuleSets[*].effectiveFrom").entityList(String.class)
                    .containsExactly(from.toString(), "2021-01-01");
        } finally {
            jdbc.sql("delete from indicator_rule_set where effective_from = :d").param("d", from).update();
        }
    }
}
