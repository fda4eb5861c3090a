package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.inspection.sampling.Sampler;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.SqlStatementCounter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Drawing and examining dossier samples over HTTP: reproducibility, stratification, the plan's state, input errors and every refusal. */
class DossierSamplingIT extends InspectionFixtures {

    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };
    /** Late dossiers of Quy Hop (its subtree) in Plan 2960's period: resolved late, or open and overdue at its end. */
    private static final String QUY_HOP_LATE = """
            select d.id, pc.field from dossier d join unit du on du.id = d.unit_id join procedure pc on pc.id = d.procedure_id
            where du.path like (select path from unit where code = 'NA-QUYHOP') || '%'
              and d.received_at < timestamptz '2023-12-01T00:00:00+07'
              and (d.closed_at is null or d.closed_at >= timestamptz '2021-07-15T00:00:00+07')
              and ((d.resolved_at < timestamptz '2023-12-01T00:00:00+07' and d.late)
                or ((d.closed_at is null or d.closed_at >= timestamptz '2023-12-01T00:00:00+07') and d.due_date < date '2023-12-01'))
            order by d.id""";

    private Map<String, Object> drawInput(String planNumber, String name, Map<String, Object> population, int size, boolean stratify,
                                          String seed) {
        Map<String, Object> input = new HashMap<>(Map.of("planId", planId(planNumber), "name", name, "population", population,
                "size", size, "stratifyByField", stratify));
        if (seed != null) {
            input.put("seed", seed);
        }
        return input;
    }

    private Map<String, Object> quyHopLate() {
        return Map.of("unitId", unitId("NA-QUYHOP"), "outcomes", List.of("RESOLVED_LATE", "OPEN_OVERDUE"));
    }

    private GraphQlTester.Response draw(HttpGraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("dossierSampleDraw").variable("input", input).execute();
    }

    private Map<String, Object> drawn(GraphQlTester.Response r) {
        r.errors().verify();
        r.path("dossierSampleDraw.userErrors").entityList(Object.class).hasSize(0);
        return r.path("dossierSampleDraw.sample").entity(ROW).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> sample) {
        return (List<Map<String, Object>>) sample.get("items");
    }

    private static List<Long> dossiers(Map<String, Object> sample) {
        return items(sample).stream().map(i -> NodeId.longKey((String) ((Map<?, ?>) i.get("dossier")).get("id"), "Dossier")).toList();
    }

    private GraphQlTester.Response examine(HttpGraphQlTester caller, String sampleId, int ordinal, String result, String note) {
        Map<String, Object> input = new HashMap<>(Map.of("sampleId", sampleId, "ordinal", ordinal, "result", result));
        if (note != null) {
            input.put("note", note);
        }
        return caller.documentName("dossierSampleExamine").variable("input", input).execute();
    }

    // ------------------------------------------------------------------ drawing

    @Test
    void theSameSeedOverTheSamePopulationDrawsTheSameDossiersStratifiedByField() {
        List<Map<String, Object>> population = jdbc.sql(QUY_HOP_LATE).query().listOfRows();
        assertThat(population.size()).as("late dossiers of Quy Hop in the period").isGreaterThan(40);

        Map<String, Object> first = drawn(draw(inspector(), drawInput(PLAN_2960, "Hồ sơ trễ hạn Quỳ Hợp", quyHopLate(), 30, true, "QH-2024")));
        Map<String, Object> again = drawn(draw(hoa(), drawInput(PLAN_2960, "Hồ sơ trễ hạn Quỳ Hợp (lần 2)", quyHopLate(), 30, true, "QH-2024")));
        Map<String, Object> other = drawn(draw(inspector(), drawInput(PLAN_2960, "Khác", quyHopLate(), 30, true, "QH-2025")));
        assertThat(dossiers(again)).isEqualTo(dossiers(first));
        assertThat(dossiers(other)).isNotEqualTo(dossiers(first));
        assertThat(first.get("seed")).isEqualTo("QH-2024");
        assertThat(first.get("size")).isEqualTo(30);
        assertThat(first.get("stratifiedByField")).isEqualTo(true);
        assertThat(first.get("drawnBy")).isNotNull();
        Map<?, ?> stored = (Map<?, ?>) first.get("population");
        assertThat(stored.get("size")).isEqualTo(population.size());
        assertThat(((Map<?, ?>) stored.get("unit")).get("code")).isEqualTo("NA-QUYHOP");
        assertThat(stored.get("outcomes")).isEqualTo(List.of("OPEN_OVERDUE", "RESOLVED_LATE"));

        // every sampled dossier is one of the population, once, in the stratum of its field
        Map<Long, String> fieldOf = new HashMap<>();
        population.forEach(row -> fieldOf.put(((Number) row.get("id")).longValue(), (String) row.get("field")));
        assertThat(dossiers(first)).doesNotHaveDuplicates().allMatch(fieldOf::containsKey);
        items(first).forEach(i -> assertThat(i.get("stratum"))
                .isEqualTo(fieldOf.get(NodeId.longKey((String) ((Map<?, ?>) i.get("dossier")).get("id"), "Dossier"))));
        assertThat(items(first)).extracting(i -> i.get("ordinal")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 30).boxed().map(Object.class::cast).toList());
        // proportional allocation: the largest remainders of the fields' shares
        Map<String, Integer> strata = new java.util.TreeMap<>();
        population.forEach(row -> strata.merge((String) row.get("field"), 1, Integer::sum));
        Map<String, Integer> expected = new LinkedHashMap<>(Sampler.allocate(strata, 30));
        expected.values().removeIf(v -> v == 0);
        Map<String, Integer> actual = new LinkedHashMap<>();
        items(first).forEach(i -> actual.merge((String) i.get("stratum"), 1, Integer::sum));
        assertThat(actual).isEqualTo(expected);

        // the draw is audited
        assertThat(count("select count(*) from audit_record where action = 'dossierSample.draw' and object_id = ?",
                Long.toString(NodeId.longKey((String) first.get("id"), "DossierSample")))).isEqualTo(1);
    }

    @Test
    void withoutASeedANewOneIsStoredAndReproducesTheDraw() {
        Map<String, Object> population = Map.of("field", "LAND");
        Map<String, Object> first = drawn(draw(inspector(), drawInput(PLAN_2960, "Đất đai", population, 12, false, null)));
        String seed = (String) first.get("seed");
        assertThat(seed).hasSize(12);
        Map<String, Object> again = drawn(draw(inspector(), drawInput(PLAN_2960, "Đất đai lại", population, 12, false, seed)));
        assertThat(dossiers(again)).isEqualTo(dossiers(first));
        assertThat(items(first)).allMatch(i -> i.get("stratum") == null);
    }

    @Test
    void badInputIsNamedByFieldAndNothingIsStored() {
        long samples = count("select count(*) from dossier_sample");
        userError(draw(inspector(), drawInput(PLAN_2960, "x", quyHopLate(), 0, false, "s")), "dossierSampleDraw", "sample",
                "OUT_OF_RANGE", List.of("input", "size"));
        userError(draw(inspector(), drawInput(PLAN_2960, "x", quyHopLate(), 501, false, "s")), "dossierSampleDraw", "sample",
                "OUT_OF_RANGE", List.of("input", "size"));
        userError(draw(inspector(), drawInput(PLAN_2960, " ", quyHopLate(), 5, false, "s")), "dossierSampleDraw", "sample",
                "REQUIRED", List.of("input", "name"));
        userError(draw(inspector(), drawInput(PLAN_2960, "x", Map.of("unitId", unitId("NA-SNV")), 5, false, "s")), "dossierSampleDraw",
                "sample", "NOT_A_TARGET", List.of("input", "population", "unitId"));
        userError(draw(inspector(), drawInput(PLAN_2960, "x", quyHopLate(), 500, false, "s")), "dossierSampleDraw", "sample",
                "LARGER_THAN_POPULATION", List.of("input", "size"));
        userError(draw(inspector(), drawInput(PLAN_2960, "x", Map.of("unitId", unitId("NA-QUYHOP"), "field", "NATIONALITY"), 5, false,
                "s")), "dossierSampleDraw", "sample", "EMPTY", List.of("input", "population"));
        assertThat(count("select count(*) from dossier_sample")).isEqualTo(samples);
    }

    @Test
    void samplesAreDrawnWhileThePlanIsApprovedOrInProgressAndExaminedOnlyInFieldwork() {
        Plan draft = draft(null);
        userError(draw(inspector(), drawInput(draft.number(), "x", Map.of(), 5, false, "s")), "dossierSampleDraw", "sample",
                "PLAN_NOT_ACTIVE", null);
        Plan approved = approved(null);
        Map<String, Object> sample = drawn(draw(inspector(), drawInput(approved.number(), "Trước khi thanh tra", Map.of(), 5, false, "s")));
        userError(examine(inspector(), (String) sample.get("id"), 1, "COMPLIANT", null), "dossierSampleExamine", "sample",
                "PLAN_NOT_IN_PROGRESS", null);
    }

    @Test
    void theTeamRecordsExaminationsANonCompliantOneWithANote() {
        Map<String, Object> sample = drawn(draw(inspector(), drawInput(PLAN_2960, "Kiểm tra", quyHopLate(), 5, false, "EXAM")));
        String id = (String) sample.get("id");
        GraphQlTester.Response ok = examine(hoa(), id, 2, "COMPLIANT", null);
        ok.path("dossierSampleExamine.userErrors").entityList(Object.class).hasSize(0);
        ok.path("dossierSampleExamine.sample.examinedCount").entity(Integer.class).isEqualTo(1);
        ok.path("dossierSampleExamine.sample.items[1].result").entity(String.class).isEqualTo("COMPLIANT");
        ok.path("dossierSampleExamine.sample.items[1].examinedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());

        userError(examine(inspector(), id, 3, "NON_COMPLIANT", "  "), "dossierSampleExamine", "sample", "REQUIRED",
                List.of("input", "note"));
        GraphQlTester.Response noted = examine(inspector(), id, 3, "NON_COMPLIANT", "Không có văn bản xin lỗi người dân");
        noted.path("dossierSampleExamine.sample.items[2].note").entity(String.class).isEqualTo("Không có văn bản xin lỗi người dân");
        noted.path("dossierSampleExamine.sample.examinedCount").entity(Integer.class).isEqualTo(2);
        userError(examine(inspector(), id, 6, "COMPLIANT", null), "dossierSampleExamine", "sample", "NOT_FOUND",
                List.of("input", "ordinal"));
        assertThat(count("select count(*) from audit_record where action = 'dossierSample.examine' and object_id = ?",
                Long.toString(NodeId.longKey(id, "DossierSample")))).isEqualTo(2);
    }

    // ------------------------------------------------------------------ access

    @Test
    void onlyTheTeamDrawsExaminesAndSeesSamples() {
        Map<String, Object> sample = drawn(draw(inspector(), drawInput(PLAN_2960, "Quyền xem", quyHopLate(), 3, false, "ACCESS")));
        String id = (String) sample.get("id");
        long before = count("select count(*) from dossier_sample");

        for (HttpGraphQlTester team : List.of(inspector(), hoa())) {
            team.documentName("dossierSampleNode").variable("id", id).execute().path("node.name").entity(String.class).isEqualTo("Quyền xem");
            team.documentName("inspectionPlanSamples").variable("number", PLAN_2960).execute()
                    .path("inspectionPlan.samples[*].id").entityList(String.class).contains(id);
        }
        // a target unit's head sees the plan but no samples; other heads and inspectors off the team see nothing
        unitHead("NA-QUYHOP").documentName("inspectionPlanSamples").variable("number", PLAN_2960).execute()
                .path("inspectionPlan.samples").entityList(Object.class).hasSize(0);
        for (HttpGraphQlTester outsider : List.of(unitHead("NA-QUYHOP"), unitHead("NA-SNV"), otherInspector(), admin())) {
            outsider.documentName("dossierSampleNode").variable("id", id).execute().path("node").valueIsNull();
        }
        userError(draw(otherInspector(), drawInput(PLAN_2960, "x", quyHopLate(), 3, false, "s")), "dossierSampleDraw", "sample",
                "NOT_FOUND", List.of("input", "planId"));
        userError(examine(otherInspector(), id, 1, "COMPLIANT", null), "dossierSampleExamine", "sample", "NOT_FOUND",
                List.of("input", "sampleId"));
        for (HttpGraphQlTester refused : List.of(admin(), unitHead("NA-QUYHOP"), citizen(), partner())) {
            refusedWith(draw(refused, drawInput(PLAN_2960, "x", quyHopLate(), 3, false, "s")), ErrorType.FORBIDDEN, "");
            refusedWith(examine(refused, id, 1, "COMPLIANT", null), ErrorType.FORBIDDEN, "");
        }
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(refused.documentName("dossierSampleNode").variable("id", id).execute(), ErrorType.FORBIDDEN, "node");
        }
        refusedWith(anonymous().documentName("dossierSampleNode").variable("id", id).execute(), ErrorType.UNAUTHORIZED, "node");
        assertThat(count("select count(*) from dossier_sample")).isEqualTo(before);
        assertThat(count("select count(*) from dossier_sample_item where sample_id = ? and result is not null",
                NodeId.longKey(id, "DossierSample"))).isZero();
    }

    @Test
    void samplesWithTheirDossiersCostAFixedNumberOfStatements() {
        Plan plan = inProgress();
        drawn(draw(inspector(), drawInput(plan.number(), "Một", Map.of("unitId", unitId("NA-QUYHOP")), 4, false, "N1")));
        inspector().documentName("inspectionPlanSamples").variable("number", plan.number()).execute();
        long before1 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlanSamples").variable("number", plan.number()).execute()
                .path("inspectionPlan.samples[*].items[*].dossier.receiptCode").entityList(String.class).hasSize(4);
        long forOne = SqlStatementCounter.count() - before1;
        drawn(draw(inspector(), drawInput(plan.number(), "Hai", Map.of("unitId", unitId("NA-SYT")), 6, true, "N2")));
        drawn(draw(inspector(), drawInput(plan.number(), "Ba", Map.of("unitId", unitId("NA-QUYHOP")), 8, false, "N3")));
        long before3 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlanSamples").variable("number", plan.number()).execute()
                .path("inspectionPlan.samples[*].items[*].dossier.receiptCode").entityList(String.class).hasSize(18);
        long forThree = SqlStatementCounter.count() - before3;
        System.out.println("Statements for a plan's samples with their dossiers: " + forOne + " (1 sample), " + forThree + " (3 samples)");
        assertThat(forThree).as("statements for 3 samples of 18 dossiers").isEqualTo(forOne);
    }
}
