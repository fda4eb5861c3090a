package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the findings tests share: a plan in fieldwork targeting Sở Y tế and Quỳ Hợp (lead
 * inspector.lead, member inspector.hoa), its findings, and the callers around it.
 */
abstract class FindingTestBase extends ApiTestBase {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    protected JdbcClient jdbc;

    protected HttpGraphQlTester hoa() {
        return as(tokens().staff("inspector.hoa", "NA-TTT", "inspector"));
    }

    protected HttpGraphQlTester otherInspector() {
        return as(tokens().staff("inspector.other", "NA-TTT", "inspector"));
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    protected String unitId(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).single());
    }

    protected String officialId(String username) {
        return NodeId.encode("Official", jdbc.sql("select id from official where idp_username = :u").param("u", username)
                .query(Long.class).single());
    }

    /** An official working in the unit {@code code} itself, without a login. */
    protected String officialOf(String code) {
        return NodeId.encode("Official", jdbc.sql("select o.id from official o join unit u on u.id = o.unit_id where u.code = :c"
                + " and o.idp_username is null order by o.id limit 1").param("c", code).query(Long.class).single());
    }

    /** The {@code n}-th dossier (by id) handled in the subtree of unit {@code code}. */
    protected String dossierOf(String code, int n) {
        return NodeId.encode("Dossier", jdbc.sql("select d.id from dossier d join unit du on du.id = d.unit_id"
                + " where du.path like (select path from unit where code = :c) || '%' order by d.id offset :n limit 1")
                .param("c", code).param("n", n).query(Long.class).single());
    }

    protected String receiptCode(String dossierId) {
        return jdbc.sql("select receipt_code from dossier where id = :id").param("id", NodeId.longKey(dossierId, "Dossier"))
                .query(String.class).single();
    }

    protected String procedureOf(String code) {
        return NodeId.encode("Procedure", jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = :c"
                + " order by p.id limit 1").param("c", code).query(Long.class).single());
    }

    protected static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** A plan as a mutation answered it. */
    protected record PlanRef(String id, int version, String number) {
    }

    protected static PlanRef planRef(GraphQlTester.Response r, String mutation) {
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return new PlanRef(r.path(mutation + ".inspectionPlan.id").entity(String.class).get(),
                r.path(mutation + ".inspectionPlan.version").entity(Integer.class).get(),
                r.path(mutation + ".inspectionPlan.number").entity(String.class).get());
    }

    protected static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    protected static Map<String, Object> v(PlanRef plan, Object... more) {
        Map<String, Object> input = input(more);
        input.put("planId", plan.id());
        input.put("version", plan.version());
        return input;
    }

    /** A plan in fieldwork: targets NA-SYT and NA-QUYHOP, lead inspector.lead, members inspector.hoa and an official of NA-VPUB. */
    protected PlanRef planInFieldwork() {
        String number = (7000 + NUMBERS.incrementAndGet()) + "/KH-FIND-" + System.nanoTime() % 100000;
        PlanRef plan = planRef(inspector().documentName("inspectionPlanCreate").variable("input", input("number", number,
                "title", "Thanh tra việc giải quyết thủ tục hành chính", "issuingAuthority", "Thanh tra tỉnh Nghệ An",
                "periodFrom", "2022-01-01", "periodTo", "2023-11-30", "checklist", List.of("Hồ sơ quá hạn và nguyên nhân"))).execute(),
                "inspectionPlanCreate");
        plan = planRef(inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT"), unitId("NA-QUYHOP")))).execute(), "inspectionPlanSetTargets");
        plan = planRef(inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER"),
                Map.of("officialId", officialOf("NA-VPUB"), "role", "MEMBER")))).execute(), "inspectionPlanSetTeam");
        plan = planRef(inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute(), "inspectionPlanApprove");
        return planRef(inspector().documentName("inspectionPlanStart").variable("input", v(plan)).execute(), "inspectionPlanStart");
    }

    protected PlanRef current(PlanRef plan) {
        return new PlanRef(plan.id(), jdbc.sql("select version from inspection_plan where number = :n").param("n", plan.number())
                .query(Integer.class).single(), plan.number());
    }

    /** A valid recording input: a late-handling finding at {@code unit} with one dossier of it as evidence. */
    protected Map<String, Object> recordInput(PlanRef plan, String unit, Object... overrides) {
        Map<String, Object> input = input("planId", plan.id(), "unitId", unitId(unit), "category", "LATE_HANDLING",
                "severity", "MODERATE", "description", "Hồ sơ đất đai giải quyết quá hạn",
                "responsibleOfficialIds", List.of(officialOf(unit)),
                "evidence", List.of(input("kind", "DOSSIER", "dossierId", dossierOf(unit, 0), "note", "Quá hạn 12 ngày")),
                "recommendation", "Rà soát quy trình nội bộ và báo cáo kết quả khắc phục",
                "remediationDeadline", today().plusMonths(3).toString());
        input.putAll(input(overrides));
        return input;
    }

    /** A drawn sample: its id and the ids of its dossiers in draw order (item {@code n} is at index {@code n - 1}). */
    protected record SampleRef(String id, List<String> dossierIds) {
    }

    /** Draws {@code size} dossiers of target {@code unit} of the plan, as inspector.hoa. */
    protected SampleRef drawSample(PlanRef plan, String unit, int size) {
        GraphQlTester.Response r = hoa().documentName("dossierSampleDraw").variable("input", input("planId", plan.id(),
                "name", "Hồ sơ mẫu " + unit, "population", input("unitId", unitId(unit)), "size", size, "seed", "FIND-" + unit)).execute();
        r.path("dossierSampleDraw.userErrors").entityList(Object.class).hasSize(0);
        return new SampleRef(r.path("dossierSampleDraw.sample.id").entity(String.class).get(),
                r.path("dossierSampleDraw.sample.items[*].dossier.id").entityList(String.class).get());
    }

    protected static Map<String, Object> sampleItem(SampleRef sample, int ordinal, Object... more) {
        Map<String, Object> input = input(more);
        input.putAll(input("kind", "SAMPLE_ITEM", "sampleId", sample.id(), "sampleOrdinal", ordinal));
        return input;
    }

    /** A finding as a mutation answered it. */
    protected record FindingRef(String id, int version, int number) {
    }

    protected static FindingRef findingRef(GraphQlTester.Response r, String mutation) {
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return new FindingRef(r.path(mutation + ".finding.id").entity(String.class).get(),
                r.path(mutation + ".finding.version").entity(Integer.class).get(),
                r.path(mutation + ".finding.number").entity(Integer.class).get());
    }

    protected GraphQlTester.Response mutate(HttpGraphQlTester caller, String mutation, Map<String, Object> input) {
        return caller.documentName("findingMutations").operationName(mutation).variable("input", input).execute();
    }

    protected FindingRef record(PlanRef plan, String unit) {
        return findingRef(mutate(hoa(), "findingRecord", recordInput(plan, unit)), "findingRecord");
    }

    protected static Map<String, Object> action(FindingRef finding, String text) {
        return input("findingId", finding.id(), "version", finding.version(), "text", text);
    }

    protected GraphQlTester.Response planStep(HttpGraphQlTester caller, String mutation, Map<String, Object> input) {
        return caller.documentName("inspectionPlanFollowUp").operationName(mutation).variable("input", input).execute();
    }

    /** Concludes the plan as its lead and answers the plan after it. */
    protected PlanRef conclude(PlanRef plan) {
        return planRef(planStep(inspector(), "inspectionPlanConclude", v(current(plan), "summary",
                "Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.")), "inspectionPlanConclude");
    }

    /** Refused with {@code type} and nothing leaked: {@code path} (a nullable field) is null, or all data is ("" for non-null fields). */
    protected static void refusedWith(GraphQlTester.Response response, ErrorType type, String path) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(type));
        response.path(path).valueIsNull();
    }

    protected static void userError(GraphQlTester.Response r, String mutation, String code, String... field) {
        r.path(mutation + ".userErrors[*].code").entityList(String.class).contains(code);
        if (field.length > 0) {
            r.path(mutation + ".userErrors[*].field").entityList(Object.class).contains(List.of(field));
        }
        r.path(mutation + ".finding").valueIsNull();
    }
}
