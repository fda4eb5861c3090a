package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Callers, IDs and plans in a given state for the inspection analysis, sampling and self-report tests. */
abstract class InspectionFixtures extends ApiTestBase {

    static final String PLAN_2960 = "2960/KH-TTCP";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    protected JdbcClient jdbc;

    /** A plan as a test holds it. */
    record Plan(String id, int version, String number) {
    }

    protected HttpGraphQlTester hoa() {
        return as(tokens().staff("inspector.hoa", "NA-TTT", "inspector"));
    }

    protected HttpGraphQlTester otherInspector() {
        return as(tokens().staff("inspector.other", "NA-TTT", "inspector"));
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    protected long unitKey(String code) {
        return jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).single();
    }

    protected String unitId(String code) {
        return NodeId.encode("Unit", unitKey(code));
    }

    protected String planId(String number) {
        return NodeId.encode("InspectionPlan", jdbc.sql("select id from inspection_plan where number = :n").param("n", number)
                .query(Long.class).single());
    }

    private String officialId(String username) {
        return NodeId.encode("Official", jdbc.sql("select id from official where idp_username = :u").param("u", username)
                .query(Long.class).single());
    }

    private static Plan plan(GraphQlTester.Response r, String mutation) {
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return new Plan(r.path(mutation + ".inspectionPlan.id").entity(String.class).get(),
                r.path(mutation + ".inspectionPlan.version").entity(Integer.class).get(),
                r.path(mutation + ".inspectionPlan.number").entity(String.class).get());
    }

    private static Map<String, Object> v(Plan plan, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("planId", plan.id(), "version", plan.version()));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    /** A DRAFT plan over Plan 2960's period targeting NA-SYT and NA-QUYHOP, led by inspector.lead with inspector.hoa. */
    protected Plan draft(String selfReportDue) {
        String number = (7000 + NUMBERS.incrementAndGet()) + "/KH-I6-" + System.nanoTime() % 100000;
        Map<String, Object> create = new HashMap<>(Map.of("number", number, "title", "Kiểm tra việc giải quyết thủ tục hành chính",
                "issuingAuthority", "Thanh tra tỉnh Nghệ An", "periodFrom", "2021-07-15", "periodTo", "2023-11-30",
                "checklist", List.of("Công khai thủ tục hành chính")));
        if (selfReportDue != null) {
            create.put("selfReportDue", selfReportDue);
        }
        Plan plan = plan(inspector().documentName("inspectionPlanCreate").variable("input", create).execute(), "inspectionPlanCreate");
        plan = plan(inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT"), unitId("NA-QUYHOP")))).execute(), "inspectionPlanSetTargets");
        return plan(inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER")))).execute(), "inspectionPlanSetTeam");
    }

    protected Plan approved(String selfReportDue) {
        return plan(inspector().documentName("inspectionPlanApprove").variable("input", v(draft(selfReportDue))).execute(),
                "inspectionPlanApprove");
    }

    protected Plan inProgress() {
        return plan(inspector().documentName("inspectionPlanStart").variable("input", v(approved("2099-12-31"))).execute(),
                "inspectionPlanStart");
    }

    /** Refused with {@code type} and nothing leaked: {@code path} (a nullable field) is null, or all data is ("" for non-null fields). */
    protected static void refusedWith(GraphQlTester.Response response, ErrorType type, String path) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(type));
        response.path(path).valueIsNull();
    }

    /** The first user error's code, checking there is one and that {@code payload}'s object is null. */
    protected static void userError(GraphQlTester.Response r, String mutation, String object, String code, List<String> field) {
        r.errors().verify();
        r.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
        if (field != null) {
            r.path(mutation + ".userErrors[0].field").entityList(String.class).containsExactly(field.toArray(String[]::new));
        }
        r.path(mutation + "." + object).valueIsNull();
    }
}
