package app.lantern.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.lantern.calendar.CalendarService;
import app.lantern.calendar.WorkingDays;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scorecard, ranking, trend, drill-downs, delays lists, backlog and nearly-due list over a
 * hand-made branch ({@link IndicatorFixture}), against figures worked out by hand from the formulas
 * of the seeded rule set (points = min(cap, weight × rate ÷ fullAt), groups capped, total summed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFixtureIT extends ApiTestBase {

    private static final Map<String, Object> YEAR_2023 = Map.of("kind", "YEAR", "year", 2023);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarService calendar;

    IndicatorFixture fixture;

    @BeforeAll
    void createFixture() {
        fixture = new IndicatorFixture(jdbc);
        fixture.remove();
        fixture.create();
    }

    @AfterAll
    void removeFixture() {
        fixture.remove();
    }

    /** Expected figures: numerator, denominator, points. */
    private record Figure(Long numerator, Long denominator, double points) {
    }

    private static Figure f(long numerator, long denominator, double points) {
        return new Figure(numerator, denominator, points);
    }

    private Map<String, Object> scorecard(GraphQlTester tester, String unit, boolean includeSubunits, Map<String, Object> period) {
        GraphQlTester.Response r = tester.documentName("indicatorScorecard").variable("unit", unit)
                .variable("includeSubunits", includeSubunits).variable("period", period).execute();
        r.errors().verify();
        return r.path("indicatorScorecard").entity(MAP).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> indicators(Map<String, Object> card) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) card.get("groups")) {
            for (Map<String, Object> indicator : (List<Map<String, Object>>) group.get("indicators")) {
                result.put((String) indicator.get("code"), indicator);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> groupPoints(Map<String, Object> card) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) card.get("groups")) {
            result.put((String) group.get("group"), ((Number) group.get("points")).doubleValue());
        }
        return result;
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    @Test
    void theBranchsScorecardFor2023MatchesTheFiguresWorkedOutByHand() {
        Map<String, Object> card = scorecard(inspector(), fixture.fxId(), true, YEAR_2023);
        Map<String, Figure> expected = new LinkedHashMap<>();
        // publicity: announced on time P1, P5 of P1, P2, P5 (took effect 2023); published within 7 days P1, P5 of those announced
        // in 2023; full content P1, P5 of the 4 in force (P4 abolished); synced D1, D2, D4 of the 6 received in 2023
        expected.put("PROCEDURES_ANNOUNCED_ON_TIME", f(2, 3, 4.0));             // 6 × 2/3
        expected.put("PROCEDURES_PUBLISHED_ON_TIME", f(2, 3, 2.67));            // 4 × 2/3
        expected.put("PROCEDURES_FULL_CONTENT", f(2, 4, 1.0));                  // 2 × 2/4
        expected.put("DOSSIERS_SYNCED_TO_PORTAL", f(3, 6, 3.0));                // 6 × 3/6
        // progress: due in 2023 D5, D1, D2, D6 (D3 rejected, D7 withdrawn, D4 due 2024); on time D5, D1
        expected.put("DOSSIERS_RESOLVED_ON_TIME", f(2, 4, 10.0));               // 20 × 2/4
        // online: P1, P3, P5 online of 4 in force; of those only P1 got an online dossier (D1); D1 of 6 filed online
        expected.put("PROCEDURES_ONLINE", f(3, 4, 1.88));                       // min(2, 2 × 0.75 ÷ 0.8) = 1.875
        expected.put("ONLINE_SERVICES_USED", f(1, 3, 1.33));                    // 4 × 1/3
        expected.put("DOSSIERS_FILED_ONLINE", f(1, 6, 2.0));                    // min(6, 6 × 1/6 ÷ 0.5)
        // payment: D1 paid online of D1, D2, D7 with a fee; P1 of P1, P3 with a fee has online and portal payment
        expected.put("DOSSIERS_PAID_ONLINE", f(1, 3, 2.0));                     // 6 × 1/3
        expected.put("PROCEDURES_WITH_ONLINE_PAYMENT", f(1, 2, 1.25));          // min(2, 2.5 × 1/2)
        expected.put("PROCEDURES_PORTAL_PAYMENT", f(1, 2, 1.25));               // 2.5 × 1/2
        // digitisation: resolved in 2023 D5, D1, D2; electronic D5, D1; synced to the store D1; received as above
        expected.put("ELECTRONIC_RESULTS", f(2, 3, 4.0));                       // 6 × 2/3
        expected.put("DOSSIERS_DIGITISED", f(2, 6, 1.33));                      // 4 × 2/6 (D1, D3)
        expected.put("ELECTRONIC_CERTIFIED_COPIES", f(1, 2, 1.0));              // 2 × 1/2 (D1 of D1, D2)
        expected.put("DIGITISED_DATA_REUSED", f(2, 6, 0.83));                   // min(2, 2 × 1/3 ÷ 0.8) (D1, D4)
        expected.put("RESULTS_SYNCED_TO_CITIZEN_STORE", f(1, 3, 1.33));         // 4 × 1/3
        expected.put("PROCEDURES_POPULATION_DB", f(2, 4, 1.0));                 // 2 × 2/4 (P1, P3)
        expected.put("DOSSIERS_POPULATION_DATA", f(2, 6, 0.67));                // 2 × 2/6 (D1, D2)
        // satisfaction: rated D1 (5), D2 (3), D5 (4); satisfied D1, D5
        expected.put("DOSSIER_SATISFACTION", f(2, 3, 4.44));                    // min(6, 6 × 2/3 ÷ 0.9)
        // feedback received in 2023 (Vietnam time) FB1, FB2, FB3, FB4 (FB5 came in 2022, FB6 on 1 Jan 2024 at 00:30);
        // answered by the deadline FB1 only (FB2 late, FB3 never, FB4 at 00:30 the day after its deadline)
        expected.put("FEEDBACK_ANSWERED_ON_TIME", f(1, 4, 1.5));                // 6 × 1/4
        // feedback answered in 2023 whose answer was rated FB1 (5), FB2 (2), FB5 (4, received 2022); satisfied (4 or 5) FB1, FB5
        expected.put("FEEDBACK_SATISFACTION", f(2, 3, 4.0));                    // 6 × 2/3

        Map<String, Map<String, Object>> actual = indicators(card);
        assertThat(actual).hasSize(21);
        expected.forEach((code, figure) -> {
            Map<String, Object> indicator = actual.get(code);
            assertThat(asLong(indicator.get("numerator"))).as(code + " numerator").isEqualTo(figure.numerator());
            assertThat(asLong(indicator.get("denominator"))).as(code + " denominator").isEqualTo(figure.denominator());
            assertThat(((Number) indicator.get("points")).doubleValue()).as(code + " points").isEqualTo(figure.points());
            assertThat(((Number) indicator.get("rate")).doubleValue()).as(code + " rate")
                    .isCloseTo((double) figure.numerator() / figure.denominator(), within(1e-9));
            assertThat(indicator.get("noData")).as(code).isEqualTo(false);
        });
        assertThat(actual.get("FEEDBACK_SATISFACTION").get("basis")).isEqualTo("FEEDBACK");
        assertThat(groupPoints(card)).containsExactly(Map.entry("PUBLICITY", 10.67), Map.entry("PROGRESS", 10.0),
                Map.entry("ONLINE_SERVICES", 5.21), Map.entry("ONLINE_PAYMENT", 4.5), Map.entry("DIGITISATION", 10.17),
                Map.entry("SATISFACTION", 9.94));
        // 10.6667 + 10 + 5.2083 + 4.5 + 10.1667 + 9.9444 (4.4444 + 1.5 + 4) = 50.4861
        assertThat(((Number) card.get("total")).doubleValue()).isEqualTo(50.49);
        assertThat(card.get("band")).isEqualTo("AVERAGE");
        // every indicator has data; payment's caps add up to 10.5, capped at 10
        assertThat(((Number) card.get("attainablePoints")).doubleValue()).isEqualTo(100.0);
        assertThat(asLong(card.get("dossiersReceived"))).isEqualTo(6L);
        assertThat(card.get("period")).isEqualTo(Map.of("kind", "YEAR", "from", "2023-01-01", "to", "2023-12-31"));
        assertThat(((Map<?, ?>) card.get("ruleSet")).get("effectiveFrom")).isEqualTo("2021-01-01");

        Map<String, Object> online = actual.get("PROCEDURES_ONLINE");
        assertThat(((Map<?, ?>) online.get("formula")).get("en")).asString()
                .contains("procedures in force offered fully or partly online").contains("min(2, 2 × rate ÷ 0.8)");
        assertThat(((Map<?, ?>) online.get("formula")).get("vi")).asString().contains("min(2, 2 × tỉ lệ ÷ 0.8)");
        assertThat(((Map<?, ?>) online.get("name")).get("vi")).isEqualTo("A: Thủ tục cung cấp dịch vụ công trực tuyến");
    }

    @Test
    void withoutItsCommunesTheDepartmentCountsOnlyItsOwnDossiersAndCatalogue() {
        Map<String, Map<String, Object>> own = indicators(scorecard(inspector(), fixture.fxId(), false, YEAR_2023));
        assertThat(asLong(own.get("DOSSIERS_SYNCED_TO_PORTAL").get("numerator"))).isEqualTo(2L);   // D1, D2
        assertThat(asLong(own.get("DOSSIERS_SYNCED_TO_PORTAL").get("denominator"))).isEqualTo(5L); // D1, D2, D3, D6, D7
        assertThat(asLong(own.get("PROCEDURES_ONLINE").get("numerator"))).isEqualTo(2L);           // P1, P3
        assertThat(asLong(own.get("PROCEDURES_ONLINE").get("denominator"))).isEqualTo(3L);         // P1, P2, P3
        assertThat(asLong(own.get("DOSSIERS_RESOLVED_ON_TIME").get("numerator"))).isEqualTo(1L);   // D1
        assertThat(asLong(own.get("DOSSIERS_RESOLVED_ON_TIME").get("denominator"))).isEqualTo(3L); // D1, D2, D6
        assertThat(asLong(own.get("FEEDBACK_ANSWERED_ON_TIME").get("numerator"))).isEqualTo(1L);   // FB1
        assertThat(asLong(own.get("FEEDBACK_ANSWERED_ON_TIME").get("denominator"))).isEqualTo(4L); // FB1 to FB4
        assertThat(asLong(own.get("FEEDBACK_SATISFACTION").get("numerator"))).isEqualTo(1L);       // FB1 (FB5 is FX-A's)
        assertThat(asLong(own.get("FEEDBACK_SATISFACTION").get("denominator"))).isEqualTo(2L);     // FB1, FB2
    }

    @Test
    void unitsAreRankedByTotalAndAUnitWithNothingToMeasureShowsNoDataNotZeroPercent() {
        GraphQlTester.Response r = inspector().documentName("indicatorRanking").variable("parent", fixture.fxId())
                .variable("period", YEAR_2023).execute();
        r.errors().verify();
        List<Map<String, Object>> ranking = r.path("indicatorRanking").entityList(MAP).get();
        assertThat(ranking).extracting(e -> (Object) ((Map<?, ?>) ((Map<?, ?>) e.get("scorecard")).get("unit")).get("code"))
                .containsExactly("FX-A", "FX-B");
        assertThat(ranking).extracting(e -> e.get("rank")).containsExactly(1, 2);
        Map<?, ?> fxA = (Map<?, ?>) ranking.get(0).get("scorecard");
        // 18 publicity + 20 progress + 2 online (P5 offered online) + 0 payment (no fees: no data) + 8 digitisation
        // (D5's electronic result 6, D4's reuse min(2, 2.5)) + 12 satisfaction (D5 rated 4: min(6, 6 ÷ 0.9); FB5 answered
        // in 2023 and rated 4: 6 × 1/1; no feedback received in 2023: answered on time has no data)
        assertThat(((Number) fxA.get("total")).doubleValue()).isEqualTo(60.0);
        assertThat(fxA.get("band")).isEqualTo("AVERAGE");
        assertThat(indicators(scorecard(inspector(), fixture.fxAId(), true, YEAR_2023)).get("FEEDBACK_ANSWERED_ON_TIME")).containsEntry("noData", true)
                .containsEntry("noDataReason", "ZERO_DENOMINATOR");

        Map<String, Object> empty = scorecard(inspector(), encode(fixture.fxB), true, YEAR_2023);
        assertThat(((Number) empty.get("total")).doubleValue()).isZero();
        assertThat(((Number) empty.get("attainablePoints")).doubleValue()).isZero();
        assertThat(indicators(empty).values()).allSatisfy(i -> {
            assertThat(i.get("noData")).isEqualTo(true);
            assertThat(i.get("rate")).isNull();
        });
        assertThat(indicators(empty).get("DOSSIERS_RESOLVED_ON_TIME")).containsEntry("noDataReason", "ZERO_DENOMINATOR");
    }

    private static String encode(long unit) {
        return app.lantern.shared.graphql.NodeId.encode("Unit", unit);
    }

    @Test
    void theTrendGivesOneScorecardPerMonth() {
        GraphQlTester.Response r = inspector().documentName("indicatorTrend").variable("unit", fixture.fxId())
                .variable("from", "2023-01-15").variable("to", "2023-03-02").execute();
        r.errors().verify();
        List<Map<String, Object>> months = r.path("indicatorTrend").entityList(MAP).get();
        assertThat(months).extracting(m -> (Object) ((Map<?, ?>) m.get("period")).get("from")).containsExactly("2023-01-01", "2023-02-01", "2023-03-01");
        // due in January D5 (on time), February D1 (on time), March D2 (late)
        assertThat(months).extracting(m -> {
            Map<String, Object> onTime = indicators(m).get("DOSSIERS_RESOLVED_ON_TIME");
            return asLong(onTime.get("numerator")) + "/" + asLong(onTime.get("denominator"));
        }).containsExactly("1/1", "1/1", "0/1");
    }

    @Test
    void eachDossierFigureDrillsDownToExactlyTheDossiersBehindIt() {
        Map<String, Map<String, Object>> figures = indicators(scorecard(inspector(), fixture.fxId(), true, YEAR_2023));
        figures.forEach((code, figure) -> {
            if (!"DOSSIERS".equals(figure.get("basis"))) {
                return;
            }
            long numerator = asLong(figure.get("numerator"));
            long denominator = asLong(figure.get("denominator"));
            assertThat(drill(code, "NUMERATOR").size()).as(code + " numerator").isEqualTo(numerator);
            assertThat(drill(code, "DENOMINATOR").size()).as(code + " denominator").isEqualTo(denominator);
            assertThat(drill(code, "SHORTFALL").size()).as(code + " shortfall").isEqualTo(denominator - numerator);
        });
        assertThat(drill("DOSSIERS_RESOLVED_ON_TIME", "SHORTFALL")).containsExactlyInAnyOrder("FX-D2", "FX-D6");
        assertThat(drill("DOSSIERS_RESOLVED_ON_TIME", "DENOMINATOR")).containsExactly("FX-D6", "FX-D2", "FX-D1", "FX-D5");

        // pages of one keep the order and end where the list ends
        GraphQlTester.Response page = inspector().documentName("indicatorDossiers").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", "DOSSIERS_RESOLVED_ON_TIME").variable("part", "DENOMINATOR")
                .variable("first", 3).execute();
        page.path("indicatorDossiers.nodes[*].receiptCode").entityList(String.class).containsExactly("FX-D6", "FX-D2", "FX-D1");
        String cursor = page.path("indicatorDossiers.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response next = inspector().documentName("indicatorDossiers").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", "DOSSIERS_RESOLVED_ON_TIME").variable("part", "DENOMINATOR")
                .variable("first", 3).variable("after", cursor).execute();
        next.path("indicatorDossiers.nodes[*].receiptCode").entityList(String.class).containsExactly("FX-D5");
        next.path("indicatorDossiers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        // the rows carry the facts counted; applicants only for callers who may see them
        GraphQlTester.Response paid = inspector().documentName("indicatorDossiers").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", "DOSSIERS_PAID_ONLINE").variable("part", "NUMERATOR").execute();
        paid.path("indicatorDossiers.nodes[0].receiptCode").entity(String.class).isEqualTo("FX-D1");
        paid.path("indicatorDossiers.nodes[0].feeAmount").entity(Long.class).isEqualTo(50_000L);
        paid.path("indicatorDossiers.nodes[0].syncedToNationalPortal").entity(Boolean.class).isEqualTo(true);
        paid.path("indicatorDossiers.nodes[0].applicant.name").entity(String.class).isEqualTo("Người nộp FX-D1");
        admin().documentName("indicatorDossiers").variable("unit", fixture.fxId()).variable("period", YEAR_2023)
                .variable("indicator", "DOSSIERS_PAID_ONLINE").variable("part", "NUMERATOR").execute()
                .path("indicatorDossiers.nodes[0].applicant").valueIsNull();

        // procedure-based figures drill down to procedures, not dossiers
        inspector().documentName("indicatorDossiers").variable("unit", fixture.fxId()).variable("period", YEAR_2023)
                .variable("indicator", "PROCEDURES_ONLINE").variable("part", "NUMERATOR").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("indicatorProcedures");
                }));
    }

    private List<String> drill(String code, String part) {
        GraphQlTester.Response r = inspector().documentName("indicatorDossiers").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", code).variable("part", part).variable("first", 100).execute();
        r.errors().verify();
        List<String> codes = r.path("indicatorDossiers.nodes[*].receiptCode").entityList(String.class).get();
        r.path("indicatorDossiers.totalCount").entity(Integer.class).isEqualTo(codes.size());
        return codes;
    }

    @Test
    void procedureFiguresDrillDownToTheProceduresBehindThem() {
        Map<String, Map<String, Object>> figures = indicators(scorecard(inspector(), fixture.fxId(), true, YEAR_2023));
        figures.forEach((code, figure) -> {
            if (!"PROCEDURES".equals(figure.get("basis"))) {
                return;
            }
            assertThat(procedures(code, "NUMERATOR")).as(code).hasSize(asLong(figure.get("numerator")).intValue());
            assertThat(procedures(code, "DENOMINATOR")).as(code).hasSize(asLong(figure.get("denominator")).intValue());
        });
        assertThat(procedures("PROCEDURES_ANNOUNCED_ON_TIME", "DENOMINATOR")).containsExactly("FX.P1", "FX.P2", "FX.P5");
        assertThat(procedures("PROCEDURES_ANNOUNCED_ON_TIME", "SHORTFALL")).containsExactly("FX.P2");
        assertThat(procedures("ONLINE_SERVICES_USED", "SHORTFALL")).containsExactly("FX.P3", "FX.P5");
        GraphQlTester.Response r = inspector().documentName("indicatorProcedures").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", "PROCEDURES_PUBLISHED_ON_TIME").variable("part", "SHORTFALL").execute();
        r.path("indicatorProcedures.nodes[0].nationalCode").entity(String.class).isEqualTo("FX.P2");
        r.path("indicatorProcedures.nodes[0].announcedOn").entity(String.class).isEqualTo("2023-05-10");
        r.path("indicatorProcedures.nodes[0].publishedOn").entity(String.class).isEqualTo("2023-05-25");
        r.path("indicatorProcedures.nodes[0].effectiveOn").entity(String.class).isEqualTo("2023-05-01");
    }

    private List<String> procedures(String code, String part) {
        GraphQlTester.Response r = inspector().documentName("indicatorProcedures").variable("unit", fixture.fxId())
                .variable("period", YEAR_2023).variable("indicator", code).variable("part", part).variable("first", 100).execute();
        r.errors().verify();
        return r.path("indicatorProcedures.nodes[*].nationalCode").entityList(String.class).get();
    }

    @Test
    void unitHeadsReadTheirSubtreeOnly() {
        GraphQlTester headA = unitHead("FX-A");
        headA.documentName("indicatorScorecard").variable("unit", fixture.fxAId()).variable("period", YEAR_2023).execute()
                .path("indicatorScorecard.total").entity(Double.class).isEqualTo(60.0);
        for (GraphQlTester outsider : List.of(unitHead("FX-A"), unitHead("NA-SYT"))) {
            outsider.documentName("indicatorScorecard").variable("unit", fixture.fxId()).variable("period", YEAR_2023).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("indicatorDossiers").variable("unit", fixture.fxId()).variable("period", YEAR_2023)
                    .variable("indicator", "DOSSIERS_SYNCED_TO_PORTAL").variable("part", "NUMERATOR").execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("delayList").variable("unit", fixture.fxId()).variable("year", 2023).variable("month", 3).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("overdueBacklog").variable("unit", fixture.fxId()).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("indicatorTrend").variable("unit", fixture.fxId()).variable("from", "2023-01-01").variable("to", "2023-03-01")
                    .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("indicatorRanking").variable("parent", fixture.fxId()).variable("period", YEAR_2023).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("indicatorProcedures").variable("unit", fixture.fxId()).variable("period", YEAR_2023)
                    .variable("indicator", "PROCEDURES_ONLINE").variable("part", "NUMERATOR").execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            outsider.documentName("nearlyDueDossiers").variable("unit", fixture.fxId()).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        // inside their subtree the same queries answer
        headA.documentName("indicatorTrend").variable("unit", fixture.fxAId()).variable("from", "2023-01-01").variable("to", "2023-03-01")
                .execute().errors().verify();
        headA.documentName("indicatorProcedures").variable("unit", fixture.fxAId()).variable("period", YEAR_2023)
                .variable("indicator", "PROCEDURES_ONLINE").variable("part", "NUMERATOR").execute()
                .path("indicatorProcedures.nodes[*].nationalCode").entityList(String.class).containsExactly("FX.P5");
        headA.documentName("nearlyDueDossiers").variable("unit", fixture.fxAId()).execute().errors().verify();
        // the department's head ranks within their subtree by default
        GraphQlTester.Response ranking = unitHead("FX-TEST").documentName("indicatorRanking").variable("period", YEAR_2023).execute();
        ranking.path("indicatorRanking[*].scorecard.unit.code").entityList(String.class).containsExactly("FX-A", "FX-B");
    }

    @Test
    void theDelaysListIsLiveUntilTheUnitHeadPublishesItThenFrozenAndPublic() {
        GraphQlTester.Response draft = inspector().documentName("delayList").variable("unit", fixture.fxId()).variable("year", 2023)
                .variable("month", 3).execute();
        draft.errors().verify();
        draft.path("delayList.status").entity(String.class).isEqualTo("DRAFT");
        List<Map<String, Object>> entries = draft.path("delayList.entries").entityList(MAP).get();
        // Một: D2's two steps ended in March (3 + 1 days) and D6's step, entered 23 March and left 2 April, was still running
        // at the month's end over its 5-day allowance: 6 working days used (24, 27–31 March), 1 over. Hai: 2 days on D2.
        // D2's overrun without an official (4 days) makes the last, unattributed row; the April overrun does not count.
        assertThat(entries).extracting(e -> e.get("officialName"), e -> e.get("dossiers"), e -> e.get("overruns"), e -> e.get("daysOver"),
                        e -> e.get("unattributed"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nguyễn Văn Một", 2, 3, 5, false),
                        org.assertj.core.groups.Tuple.tuple("Trần Thị Hai", 1, 1, 2, false),
                        org.assertj.core.groups.Tuple.tuple(DelayLists.UNATTRIBUTED, 1, 1, 4, true));
        assertThat(entries.get(1)).containsEntry("unitName", "Đơn vị kiểm thử FX-A").containsEntry("officialPosition", "Công chức Tư pháp");
        assertThat(entries.get(2)).containsEntry("unitName", "Đơn vị kiểm thử FX-TEST").containsEntry("official", null);
        assertThat(entries.get(0).get("procedures")).isEqualTo(List.of(
                Map.of("nationalCode", "FX.P1", "name", "Thủ tục kiểm thử FX.P1", "dossiers", 1),
                Map.of("nationalCode", "FX.P2", "name", "Thủ tục kiểm thử FX.P2", "dossiers", 1)));
        assertThat(((Map<?, ?>) entries.get(0).get("official")).get("fullName")).isEqualTo("Nguyễn Văn Một");
        // the commune's list has only its own official
        inspector().documentName("delayList").variable("unit", fixture.fxAId()).variable("year", 2023).variable("month", 3).execute()
                .path("delayList.entries[*].officialName").entityList(String.class).containsExactly("Trần Thị Hai");

        // nothing public before publication
        anonymous().documentName("publishedDelayList").variable("unitCode", "FX-TEST").variable("year", 2023).variable("month", 3)
                .execute().path("publishedDelayList").valueIsNull();

        GraphQlTester head = unitHead("FX-TEST");
        Map<String, Object> input = Map.of("unitId", fixture.fxId(), "year", 2023, "month", 3);
        GraphQlTester.Response published = head.documentName("delayListPublish").variable("input", input).execute();
        published.path("delayListPublish.userErrors").entityList(Object.class).hasSize(0);
        published.path("delayListPublish.delayList.status").entity(String.class).isEqualTo("PUBLISHED");
        published.path("delayListPublish.delayList.entries[*].daysOver").entityList(Integer.class).containsExactly(5, 2, 4);
        published.path("delayListPublish.delayList.entries[*].unattributed").entityList(Boolean.class).containsExactly(false, false, true);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'delayList.publish' and object_id = 'FX-TEST/2023-03'")
                .query(Long.class).single()).isEqualTo(1L);

        // later overruns in March do not change the published list
        fixture.overrun("FX-D2", "FX.P1", fixture.fx, fixture.o1, "2023-03-30", 5);
        inspector().documentName("delayList").variable("unit", fixture.fxId()).variable("year", 2023).variable("month", 3).execute()
                .path("delayList.entries[0].daysOver").entity(Integer.class).isEqualTo(5);

        GraphQlTester.Response open = anonymous().documentName("publishedDelayList").variable("unitCode", "FX-TEST")
                .variable("year", 2023).variable("month", 3).execute();
        open.errors().verify();
        open.path("publishedDelayList.status").entity(String.class).isEqualTo("PUBLISHED");
        open.path("publishedDelayList.unitName").entity(String.class).isEqualTo("Đơn vị kiểm thử FX-TEST");
        open.path("publishedDelayList.unit").valueIsNull();
        open.path("publishedDelayList.entries[*].officialName").entityList(String.class)
                .containsExactly("Nguyễn Văn Một", "Trần Thị Hai", DelayLists.UNATTRIBUTED);
        open.path("publishedDelayList.entries[0].official").valueIsNull();
        open.path("publishedDelayList.publishedBy").entity(String.class).satisfies(by -> assertThat(by).isNotBlank());
        anonymous().documentName("publishedDelayLists").variable("unitCode", "FX-TEST").execute()
                .path("publishedDelayLists.totalCount").entity(Integer.class).isEqualTo(1);
        citizen().documentName("publishedDelayList").variable("unitCode", "FX-TEST").variable("year", 2023).variable("month", 4)
                .execute().path("publishedDelayList").valueIsNull();

        // once only, for months that ended, by the unit's own head
        head.documentName("delayListPublish").variable("input", input).execute()
                .path("delayListPublish.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_PUBLISHED");
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        head.documentName("delayListPublish").variable("input", Map.of("unitId", fixture.fxId(), "year", today.getYear(),
                "month", today.getMonthValue())).execute()
                .path("delayListPublish.userErrors[0].code").entity(String.class).isEqualTo("MONTH_NOT_ENDED");
        unitHead("NA-SYT").documentName("delayListPublish").variable("input", Map.of("unitId", fixture.fxId(), "year", 2023, "month", 4))
                .execute().path("delayListPublish.userErrors[0]").entity(MAP)
                .satisfies(e -> assertThat(e).containsEntry("code", "NOT_FOUND").containsEntry("field", List.of("input", "unitId")));
        for (GraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            refused.documentName("delayListPublish").variable("input", Map.of("unitId", fixture.fxId(), "year", 2023, "month", 4))
                    .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType())
                            .containsExactly(ErrorType.FORBIDDEN));
        }
        anonymous().documentName("delayListPublish").variable("input", Map.of("unitId", fixture.fxId(), "year", 2023, "month", 4))
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType())
                        .containsExactly(ErrorType.UNAUTHORIZED));
        assertThat(jdbc.sql("select count(*) from delay_list where year = 2023 and month = 4").query(Long.class).single()).isZero();
    }

    @Test
    void openDossiersAndUnansweredFeedbackCountOnlyOnceTheirDeadlineHasPassed() {
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        String t = today.toString();
        String monthEnd = java.time.YearMonth.from(today).atEndOfMonth().toString();
        String earlier = today.minusDays(20).toString();
        List<String> codes = List.of("FX-N1", "FX-N2", "FX-N3", "FX-N4");
        try {
            //      code     unit        proc     channel   received due                               status        resolved
            // open, due today: not due yet (late only once today has passed)
            fixture.dossier("FX-N1", fixture.fxB, "FX.P5", "DIRECT", earlier, t, "PROCESSING", null, false, false, false, false, false,
                    false, null, false, false, false, false);
            // resolved on time, due today: due (a resolved dossier counts whatever its due date)
            fixture.dossier("FX-N2", fixture.fxB, "FX.P5", "DIRECT", earlier, t, "RESOLVED", earlier, false, false, false, false, false,
                    false, null, false, false, false, false);
            // open and past its due date: due, and not on time
            fixture.dossier("FX-N3", fixture.fxB, "FX.P5", "DIRECT", earlier, today.minusDays(1).toString(), "PROCESSING", null, false,
                    false, false, false, false, false, null, false, false, false, false);
            // open, due at the month's end: not due yet
            fixture.dossier("FX-N4", fixture.fxB, "FX.P5", "DIRECT", earlier, monthEnd, "RECEIVED", null, false, false, false, false,
                    false, false, null, false, false, false, false);
            // feedback: unanswered, deadline ahead (neither on time nor late); unanswered past its deadline (late)
            fixture.feedback("FX-FB7", fixture.fxB, earlier + "T08:00", today.plusDays(10).toString(), null, null);
            fixture.feedback("FX-FB8", fixture.fxB, earlier + "T09:00", today.minusDays(1).toString(), null, null);

            Map<String, Object> period = Map.of("kind", "CUSTOM", "from", earlier, "to", t);
            Map<String, Map<String, Object>> card = indicators(scorecard(inspector(), encode(fixture.fxB), true, period));
            // due: N2 (resolved) and N3 (open, past due); N1 and N4 wait
            assertThat(asLong(card.get("DOSSIERS_RESOLVED_ON_TIME").get("numerator"))).isEqualTo(1L);
            assertThat(asLong(card.get("DOSSIERS_RESOLVED_ON_TIME").get("denominator"))).isEqualTo(2L);
            // feedback: FB8 only, late
            assertThat(asLong(card.get("FEEDBACK_ANSWERED_ON_TIME").get("numerator"))).isEqualTo(0L);
            assertThat(asLong(card.get("FEEDBACK_ANSWERED_ON_TIME").get("denominator"))).isEqualTo(1L);
            // the drill-down lists the same dossiers
            List<String> due = drill(encode(fixture.fxB), period, "DOSSIERS_RESOLVED_ON_TIME", "DENOMINATOR");
            assertThat(due).containsExactlyInAnyOrder("FX-N2", "FX-N3");
            assertThat(drill(encode(fixture.fxB), period, "DOSSIERS_RESOLVED_ON_TIME", "SHORTFALL")).containsExactly("FX-N3");

            // the current month alone: only N2 (N3 may be due last month when today is the 1st)
            Map<String, Object> month = Map.of("kind", "MONTH", "year", today.getYear(), "number", today.getMonthValue());
            Map<String, Object> thisMonth = indicators(scorecard(inspector(), encode(fixture.fxB), true, month)).get("DOSSIERS_RESOLVED_ON_TIME");
            long n3ThisMonth = today.getDayOfMonth() > 1 ? 1 : 0;
            assertThat(asLong(thisMonth.get("denominator"))).isEqualTo(1 + n3ThisMonth);
            assertThat(asLong(thisMonth.get("numerator"))).isEqualTo(1L);
            // and it equals plain SQL over the dossiers with the same rule
            long plainDue = jdbc.sql("select count(*) from dossier d where d.unit_id = :u and d.status not in ('REJECTED', 'WITHDRAWN')"
                            + " and date_trunc('month', d.due_date) = date_trunc('month', cast(:today as date))"
                            + " and (d.status in ('RESOLVED', 'RETURNED') or d.due_date < cast(:today as date))")
                    .param("u", fixture.fxB).param("today", today).query(Long.class).single();
            assertThat(asLong(thisMonth.get("denominator"))).isEqualTo(plainDue);
        } finally {
            jdbc.sql("delete from feedback where code in ('FX-FB7', 'FX-FB8')").update();
            jdbc.sql("delete from dossier where receipt_code = any(:c)").param("c", codes.toArray(String[]::new)).update();
        }
    }

    private List<String> drill(String unit, Map<String, Object> period, String code, String part) {
        GraphQlTester.Response r = inspector().documentName("indicatorDossiers").variable("unit", unit)
                .variable("period", period).variable("indicator", code).variable("part", part).variable("first", 100).execute();
        r.errors().verify();
        return r.path("indicatorDossiers.nodes[*].receiptCode").entityList(String.class).get();
    }

    @Test
    void stepsStillRunningOverTheirAllowanceAtTheMonthsEndCountToThatDay() {
        List<String> codes = List.of("FX-R1", "FX-R2");
        try {
            // two dossiers at FX-B whose first step (FX.P5's, 5 working days) began on Thursday 1 June 2023 and had not ended by
            // 30 June: 21 working days used (2–30 June, no holiday), 16 over; R2 waited for a supplement from Monday 12 to Monday
            // 19 June (5 working days stopped): 16 used, 11 over, and has no official recorded
            long r1 = fixture.dossier("FX-R1", fixture.fxB, "FX.P5", "DIRECT", "2023-06-01", "2023-06-08", "PROCESSING", null, false, false,
                    false, false, false, false, null, false, false, false, false);
            long r2 = fixture.dossier("FX-R2", fixture.fxB, "FX.P5", "DIRECT", "2023-06-01", "2023-06-15", "PROCESSING", null, false, false,
                    false, false, false, false, null, false, false, false, false);
            assertThat(calendar.workingDays().workingDaysBetween(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30))).isEqualTo(21);
            jdbc.sql("update dossier set current_step_id = :step, step_entered_at = timestamptz '2023-06-01T10:00:00+07',"
                            + " current_official_id = case when id = :r1 then cast(:o2 as bigint) end where id in (:r1, :r2)")
                    .param("step", fixture.steps.get("FX.P5")).param("r1", r1).param("r2", r2).param("o2", fixture.o2).update();
            jdbc.sql("insert into dossier_event (dossier_id, seq, transition, from_status, to_status, at) values"
                            + " (:r2, 1, 'REQUEST_SUPPLEMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', timestamptz '2023-06-12T09:00:00+07'),"
                            + " (:r2, 2, 'RESUME_AFTER_SUPPLEMENT', 'SUPPLEMENT_REQUESTED', 'PROCESSING', timestamptz '2023-06-19T09:00:00+07')")
                    .param("r2", r2).update();

            GraphQlTester.Response june = inspector().documentName("delayList").variable("unit", encode(fixture.fxB)).variable("year", 2023)
                    .variable("month", 6).execute();
            june.errors().verify();
            assertThat(june.path("delayList.entries").entityList(MAP).get())
                    .extracting(e -> e.get("officialName"), e -> e.get("unitName"), e -> e.get("dossiers"), e -> e.get("overruns"),
                            e -> e.get("daysOver"), e -> e.get("unattributed"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Trần Thị Hai", "Đơn vị kiểm thử FX-A", 1, 1, 16, false),
                            org.assertj.core.groups.Tuple.tuple(DelayLists.UNATTRIBUTED, "Đơn vị kiểm thử FX-B", 1, 1, 11, true));
            // in May the steps had not begun
            inspector().documentName("delayList").variable("unit", encode(fixture.fxB)).variable("year", 2023).variable("month", 5)
                    .execute().path("delayList.entries").entityList(Object.class).hasSize(0);
            // July: still running at its end, counted to 31 July (21 + 21 working days used)
            int july = calendar.workingDays().workingDaysBetween(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 7, 31));
            inspector().documentName("delayList").variable("unit", encode(fixture.fxB)).variable("year", 2023).variable("month", 7)
                    .execute().path("delayList.entries[*].daysOver").entityList(Integer.class).containsExactly(july - 5, july - 5 - 5);
        } finally {
            jdbc.sql("delete from dossier_event where dossier_id in (select id from dossier where receipt_code = any(:c))")
                    .param("c", codes.toArray(String[]::new)).update();
            jdbc.sql("delete from dossier where receipt_code = any(:c)").param("c", codes.toArray(String[]::new)).update();
        }
    }

    @Test
    void theBacklogCountsOverdueDossiersByUnitAndProcedureAndTheNearlyDueListLooksAheadInWorkingDays() {
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        LocalDate inTwo = calendar.workingDays().addWorkingDays(today, 2);
        String d = today.minusDays(20).toString();
        fixture.dossier("FX-D8", fixture.fxA, "FX.P5", "DIRECT", d, today.minusDays(10).toString(), "PROCESSING", null, false, false,
                false, false, false, false, null, false, false, false, false);
        fixture.dossier("FX-D9", fixture.fxA, "FX.P5", "DIRECT", d, today.toString(), "RECEIVED", null, false, false,
                false, false, false, false, null, false, false, false, false);
        fixture.dossier("FX-D10", fixture.fxA, "FX.P5", "DIRECT", d, inTwo.toString(), "PROCESSING", null, false, false,
                false, false, false, false, null, false, false, false, false);
        // waiting for a supplement: the clock is stopped, so it is open but neither overdue nor nearly due
        fixture.dossier("FX-D11", fixture.fxA, "FX.P5", "DIRECT", d, today.minusDays(5).toString(), "SUPPLEMENT_REQUESTED", null,
                false, false, false, false, false, false, null, false, false, false, false);

        GraphQlTester.Response backlog = inspector().documentName("overdueBacklog").variable("unit", fixture.fxId()).execute();
        backlog.errors().verify();
        backlog.path("overdueBacklog.asOf").entity(String.class).isEqualTo(today.toString());
        backlog.path("overdueBacklog.totalOverdue").entity(Integer.class).isEqualTo(3);
        List<Map<String, Object>> rows = backlog.path("overdueBacklog.rows").entityList(MAP).get();
        assertThat(rows).extracting(r -> ((Map<?, ?>) r.get("unit")).get("code"), r -> ((Map<?, ?>) r.get("procedure")).get("nationalCode"),
                        r -> r.get("overdue"), r -> r.get("oldestDueDate"), r -> r.get("open"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FX-A", "FX.P5", 2, "2024-01-10", 5),
                        org.assertj.core.groups.Tuple.tuple("FX-TEST", "FX.P2", 1, "2023-12-05", 1));
        backlog.path("overdueBacklog.rowCount").entity(Integer.class).isEqualTo(2);
        backlog.path("overdueBacklog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        // a page at a time: the totals stay those of every page
        GraphQlTester.Response first = inspector().documentName("overdueBacklog").variable("unit", fixture.fxId()).variable("first", 1)
                .execute();
        first.path("overdueBacklog.rows[*].unit.code").entityList(String.class).containsExactly("FX-A");
        first.path("overdueBacklog.totalOverdue").entity(Integer.class).isEqualTo(3);
        first.path("overdueBacklog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("overdueBacklog.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = inspector().documentName("overdueBacklog").variable("unit", fixture.fxId()).variable("first", 1)
                .variable("after", cursor).execute();
        second.path("overdueBacklog.rows[*].unit.code").entityList(String.class).containsExactly("FX-TEST");
        second.path("overdueBacklog.rowCount").entity(Integer.class).isEqualTo(2);
        second.path("overdueBacklog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("overdueBacklog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        inspector().documentName("overdueBacklog").variable("unit", fixture.fxId()).variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getMessage())
                        .containsExactly("Argument 'first' of field 'overdueBacklog' must be between 0 and 100, was 101"));
        // a commune head's default is their own subtree
        unitHead("FX-A").documentName("overdueBacklog").execute().path("overdueBacklog.rows[*].unit.code").entityList(String.class)
                .containsExactly("FX-A");

        GraphQlTester.Response soon = unitHead("FX-TEST").documentName("nearlyDueDossiers").variable("withinWorkingDays", 3).execute();
        soon.errors().verify();
        soon.path("nearlyDueDossiers.nodes[*].receiptCode").entityList(String.class).containsExactly("FX-D9", "FX-D10");
        soon.path("nearlyDueDossiers.totalCount").entity(Integer.class).isEqualTo(2);
        unitHead("FX-TEST").documentName("nearlyDueDossiers").variable("withinWorkingDays", 0).execute()
                .path("nearlyDueDossiers.nodes[*].receiptCode").entityList(String.class).containsExactly("FX-D9");
        unitHead("FX-TEST").documentName("nearlyDueDossiers").variable("withinWorkingDays", 31).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.BAD_REQUEST));
    }
}
