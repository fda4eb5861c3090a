package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import app.lantern.support.SqlStatementCounter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plans over HTTP: the lifecycle from draft to fieldwork, bad input named by field, locking, and every refusal. */
class InspectionPlansIT extends ApiTestBase {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    private HttpGraphQlTester hoa() {
        return as(tokens().staff("inspector.hoa", "NA-TTT", "inspector"));
    }

    private HttpGraphQlTester otherInspector() {
        return as(tokens().staff("inspector.other", "NA-TTT", "inspector"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String unitId(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).single());
    }

    private String officialId(String username) {
        return NodeId.encode("Official", jdbc.sql("select id from official where idp_username = :u").param("u", username)
                .query(Long.class).single());
    }

    private String officialOf(String unitCode) {
        return NodeId.encode("Official", jdbc.sql("select o.id from official o join unit u on u.id = o.unit_id where u.code = :c"
                + " order by o.id limit 1").param("c", unitCode).query(Long.class).single());
    }

    private static String newNumber() {
        return (9000 + NUMBERS.incrementAndGet()) + "/KH-TEST-" + System.nanoTime() % 100000;
    }

    private static Map<String, Object> createInput(String number) {
        return Map.of("number", number, "title", "Kiểm tra việc giải quyết thủ tục hành chính",
                "issuingAuthority", "Thanh tra tỉnh Nghệ An", "issueDate", "2023-12-08",
                "periodFrom", "2021-07-15", "periodTo", "2023-11-30",
                "checklist", List.of("Công khai thủ tục hành chính", "Hoạt động của bộ phận một cửa"));
    }

    record Ref(String id, int version, String number) {
    }

    private static Ref ref(GraphQlTester.Response r, String mutation) {
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return new Ref(r.path(mutation + ".inspectionPlan.id").entity(String.class).get(),
                r.path(mutation + ".inspectionPlan.version").entity(Integer.class).get(),
                r.path(mutation + ".inspectionPlan.number").entity(String.class).get());
    }

    private Ref create() {
        return ref(inspector().documentName("inspectionPlanCreate").variable("input", createInput(newNumber())).execute(),
                "inspectionPlanCreate");
    }

    private static Map<String, Object> v(Ref ref, Object... more) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("planId", ref.id(), "version", ref.version()));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    private Ref ready() {
        Ref plan = create();
        plan = ref(inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT"), unitId("NA-QUYHOP")))).execute(), "inspectionPlanSetTargets");
        return ref(inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER"),
                Map.of("officialId", officialOf("NA-VPUB"), "role", "MEMBER")))).execute(), "inspectionPlanSetTeam");
    }

    /** Refused with {@code type} and nothing leaked: {@code path} (a nullable field) is null, or all data is ("" for non-null fields). */
    private static void refusedWith(GraphQlTester.Response response, ErrorType type, String path) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(type));
        response.path(path).valueIsNull();
    }

    // ------------------------------------------------------------------ the lifecycle

    @Test
    void theLeadCreatesAPlanSetsTargetsAndTeamApprovesAndStartsIt() {
        long audits = count("select count(*) from audit_record where object_type = 'InspectionPlan'");
        String number = newNumber();
        GraphQlTester.Response created = inspector().documentName("inspectionPlanCreate").variable("input", createInput(number)).execute();
        created.path("inspectionPlanCreate.inspectionPlan.status").entity(String.class).isEqualTo("DRAFT");
        created.path("inspectionPlanCreate.inspectionPlan.lead.idpUsername").entity(String.class).isEqualTo("inspector.lead");
        created.path("inspectionPlanCreate.inspectionPlan.checklist[1].text").entity(String.class).isEqualTo("Hoạt động của bộ phận một cửa");
        Ref plan = ref(created, "inspectionPlanCreate");

        GraphQlTester.Response targeted = inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT"), unitId("NA-QUYHOP"), unitId("NA-SYT")))).execute();
        targeted.path("inspectionPlanSetTargets.inspectionPlan.targets[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NA-SYT", "NA-QUYHOP"));
        plan = ref(targeted, "inspectionPlanSetTargets");

        GraphQlTester.Response teamed = inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER"),
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialOf("NA-VPUB"), "role", "MEMBER")))).execute();
        teamed.path("inspectionPlanSetTeam.inspectionPlan.team[0].role").entity(String.class).isEqualTo("LEAD");
        teamed.path("inspectionPlanSetTeam.inspectionPlan.team[*].official.unit.code").entityList(String.class)
                .contains("NA-TTT", "NA-VPUB").hasSize(3);
        plan = ref(teamed, "inspectionPlanSetTeam");

        // a member edits the draft, and now sees it
        GraphQlTester.Response updated = hoa().documentName("inspectionPlanUpdate").variable("input", v(plan,
                "title", "Thanh tra chuyên đề", "issuingAuthority", "Thanh tra tỉnh Nghệ An", "periodFrom", "2021-07-15",
                "periodTo", "2023-11-30", "selfReportDue", "2024-01-15", "checklist", List.of("Số hóa hồ sơ"))).execute();
        updated.path("inspectionPlanUpdate.inspectionPlan.title").entity(String.class).isEqualTo("Thanh tra chuyên đề");
        updated.path("inspectionPlanUpdate.inspectionPlan.selfReportDue").entity(String.class).isEqualTo("2024-01-15");
        updated.path("inspectionPlanUpdate.inspectionPlan.checklist[*].text").entityList(String.class).containsExactly("Số hóa hồ sơ");
        plan = ref(updated, "inspectionPlanUpdate");

        // a member may not approve: only the lead
        Ref current = plan;
        refusedWith(hoa().documentName("inspectionPlanApprove").variable("input", v(current)).execute(),
                ErrorType.FORBIDDEN, "");

        GraphQlTester.Response approved = inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute();
        approved.path("inspectionPlanApprove.inspectionPlan.status").entity(String.class).isEqualTo("APPROVED");
        plan = ref(approved, "inspectionPlanApprove");

        // targets, team and contents are fixed at approval
        for (String mutation : List.of("inspectionPlanSetTargets", "inspectionPlanSetTeam", "inspectionPlanUpdate")) {
            Map<String, Object> input = switch (mutation) {
                case "inspectionPlanSetTargets" -> v(plan, "unitIds", List.of(unitId("NA-SNV")));
                case "inspectionPlanSetTeam" -> v(plan, "members", List.of(Map.of("officialId", officialId("inspector.lead"), "role", "LEAD")));
                default -> v(plan, "title", "Khác", "issuingAuthority", "Khác", "checklist", List.of("Khác"));
            };
            GraphQlTester.Response r = inspector().documentName(mutation).variable("input", input).execute();
            r.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo("PLAN_NOT_DRAFT");
            r.path(mutation + ".inspectionPlan").valueIsNull();
        }
        // approving twice is not a step the lifecycle has
        inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute()
                .path("inspectionPlanApprove.userErrors[0].code").entity(String.class).isEqualTo("TRANSITION_NOT_ALLOWED");

        GraphQlTester.Response started = inspector().documentName("inspectionPlanStart").variable("input", v(plan)).execute();
        started.path("inspectionPlanStart.inspectionPlan.status").entity(String.class).isEqualTo("IN_PROGRESS");
        started.path("inspectionPlanStart.inspectionPlan.targets[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NA-SYT", "NA-QUYHOP"));

        assertThat(count("select count(*) from audit_record where object_type = 'InspectionPlan'")).isEqualTo(audits + 6);
        assertThat(jdbc.sql("select action from audit_record where object_id = :n order by id").param("n", number)
                .query(String.class).list()).containsExactly("inspectionPlan.create", "inspectionPlan.setTargets",
                "inspectionPlan.setTeam", "inspectionPlan.update", "inspectionPlan.approve", "inspectionPlan.start");
        // the audit trail says who was put on the team, and in which role
        String hoaName = jdbc.sql("select full_name from official where idp_username = 'inspector.hoa'").query(String.class).single();
        assertThat(jdbc.sql("""
                        select m->>'officialId', m->>'name', m->>'role' from audit_record a, jsonb_array_elements(a.details->'members') m
                        where a.object_id = :n and a.action = 'inspectionPlan.setTeam'""").param("n", number)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .hasSize(3).contains(List.of(officialId("inspector.hoa"), hoaName, "MEMBER"))
                .anySatisfy(m -> assertThat(m).containsExactly(officialId("inspector.lead"), m.get(1), "LEAD"));
    }

    @Test
    void approvalNeedsAMemberBesidesTheLead() {
        Ref plan = ready();
        plan = ref(inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD")))).execute(), "inspectionPlanSetTeam");
        GraphQlTester.Response r = inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute();
        r.path("inspectionPlanApprove.userErrors[*].code").entityList(String.class).containsExactly("NO_MEMBERS");
        r.path("inspectionPlanApprove.inspectionPlan").valueIsNull();
        assertThat(jdbc.sql("select status from inspection_plan where number = :n").param("n", plan.number()).query(String.class)
                .single()).isEqualTo("DRAFT");
    }

    @Test
    void approvalNeedsATargetThePeriodAChecklistAndAMemberBesidesTheLead() {
        Ref plan = ref(inspector().documentName("inspectionPlanCreate").variable("input", Map.of("number", newNumber(),
                "title", "Kế hoạch trống", "issuingAuthority", "Thanh tra tỉnh")).execute(), "inspectionPlanCreate");
        GraphQlTester.Response r = inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute();
        r.path("inspectionPlanApprove.userErrors[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NO_TARGETS", "NO_PERIOD", "NO_CHECKLIST", "NO_MEMBERS"));
        r.path("inspectionPlanApprove.inspectionPlan").valueIsNull();
        assertThat(jdbc.sql("select status from inspection_plan where number = :n").param("n", plan.number()).query(String.class)
                .single()).isEqualTo("DRAFT");
    }

    @Test
    void startingBeforeApprovalIsRefused() {
        Ref plan = ready();
        inspector().documentName("inspectionPlanStart").variable("input", v(plan)).execute()
                .path("inspectionPlanStart.userErrors[0].code").entity(String.class).isEqualTo("TRANSITION_NOT_ALLOWED");
    }

    // ------------------------------------------------------------------ bad input stores nothing

    @Test
    void badInputIsNamedByFieldAndNothingIsStored() {
        long plans = count("select count(*) from inspection_plan");
        long audits = count("select count(*) from audit_record");
        GraphQlTester.Response r = inspector().documentName("inspectionPlanCreate").variable("input", Map.of("number", " ",
                "title", "", "issuingAuthority", "Thanh tra tỉnh", "periodFrom", "2023-01-01", "periodTo", "2022-01-01",
                "checklist", List.of("ok", " "))).execute();
        r.path("inspectionPlanCreate.userErrors[*].field").entityList(Object.class).satisfies(fields -> assertThat(fields)
                .containsExactlyInAnyOrder(List.of("input", "number"), List.of("input", "title"), List.of("input", "periodTo"),
                        List.of("input", "checklist", "1")));
        r.path("inspectionPlanCreate.inspectionPlan").valueIsNull();

        Ref plan = create();
        inspector().documentName("inspectionPlanCreate").variable("input", createInput(plan.number())).execute()
                .path("inspectionPlanCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");
        GraphQlTester.Response team = inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialId("inspector.hoa"), "role", "LEAD")))).execute();
        team.path("inspectionPlanSetTeam.userErrors[0].code").entity(String.class).isEqualTo("ONE_LEAD");
        team.path("inspectionPlanSetTeam.userErrors[0].field").entityList(String.class).containsExactly("input", "members");
        inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of())).execute()
                .path("inspectionPlanSetTeam.userErrors[0].code").entity(String.class).isEqualTo("ONE_LEAD");
        inspector().documentName("inspectionPlanSetTargets").variable("input", v(plan, "unitIds", List.of(NodeId.encode("Unit", 999_999))))
                .execute().path("inspectionPlanSetTargets.userErrors[0].field").entityList(String.class).containsExactly("input", "unitIds");
        inspector().documentName("inspectionPlanSetTargets").variable("input", v(plan, "unitIds", List.of(NodeId.encode("Dossier", 1))))
                .execute().path("inspectionPlanSetTargets.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        assertThat(count("select count(*) from inspection_plan")).isEqualTo(plans + 1);
        assertThat(count("select count(*) from audit_record")).isEqualTo(audits + 1);
        assertThat(jdbc.sql("select count(*) from inspection_team_member t join inspection_plan p on p.id = t.plan_id where p.number = :n")
                .param("n", plan.number()).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from inspection_target t join inspection_plan p on p.id = t.plan_id where p.number = :n")
                .param("n", plan.number()).query(Long.class).single()).isZero();
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Ref plan = create();
        Ref after = ref(inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT")))).execute(), "inspectionPlanSetTargets");
        assertThat(after.version()).isEqualTo(plan.version() + 1);
        GraphQlTester.Response stale = inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SNV")))).execute();
        stale.path("inspectionPlanSetTargets.userErrors[0].code").entity(String.class).isEqualTo("CONCURRENT_MODIFICATION");
        stale.path("inspectionPlanSetTargets.userErrors[0].field").entityList(String.class).containsExactly("input", "version");
        inspector().documentName("inspectionPlan").variable("number", plan.number()).execute()
                .path("inspectionPlan.targets[*].code").entityList(String.class).containsExactly("NA-SYT");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aPlanIsVisibleOnlyToItsTeamNotEvenToAdministrators() {
        Ref plan = ready();
        Ref draftWithoutHoa = create();
        for (HttpGraphQlTester team : List.of(inspector(), hoa())) {
            team.documentName("inspectionPlan").variable("number", plan.number()).execute()
                    .path("inspectionPlan.number").entity(String.class).isEqualTo(plan.number());
            team.documentName("inspectionPlanNode").variable("id", plan.id()).execute()
                    .path("node.number").entity(String.class).isEqualTo(plan.number());
        }
        hoa().documentName("inspectionPlans").variable("filter", Map.of("text", plan.number())).variable("first", 5).execute()
                .path("inspectionPlans.totalCount").entity(Long.class).isEqualTo(1L);

        // not on the team: nothing, not even through node(id), the list or a mutation
        List<HttpGraphQlTester> outsiders = List.of(otherInspector(), admin(), unitHead("NA-SYT"), unitHead("NA-QUYHOP"), unitHead("NA-TTT"));
        for (HttpGraphQlTester outsider : outsiders) {
            outsider.documentName("inspectionPlan").variable("number", plan.number()).execute().path("inspectionPlan").valueIsNull();
            outsider.documentName("inspectionPlanNode").variable("id", plan.id()).execute().path("node").valueIsNull();
            outsider.documentName("inspectionPlans").variable("filter", Map.of("text", plan.number())).variable("first", 5).execute()
                    .path("inspectionPlans.totalCount").entity(Long.class).isEqualTo(0L);
        }
        hoa().documentName("inspectionPlanNode").variable("id", draftWithoutHoa.id()).execute().path("node").valueIsNull();
        GraphQlTester.Response foreign = hoa().documentName("inspectionPlanSetTargets")
                .variable("input", v(draftWithoutHoa, "unitIds", List.of(unitId("NA-SNV")))).execute();
        foreign.path("inspectionPlanSetTargets.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        foreign.path("inspectionPlanSetTargets.inspectionPlan").valueIsNull();
        otherInspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute()
                .path("inspectionPlanApprove.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // unit heads see no plan in preparation, not even one targeting their unit
        unitHead("NA-SYT").documentName("inspectionPlans").variable("first", 5)
                .variable("filter", Map.of("status", List.of("DRAFT"))).execute()
                .path("inspectionPlans.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void onlyInspectorsChangePlans() {
        Ref plan = ready();
        long plans = count("select count(*) from inspection_plan");
        for (HttpGraphQlTester refused : List.of(admin(), unitHead("NA-SYT"), citizen(), partner())) {
            refusedWith(refused.documentName("inspectionPlanCreate").variable("input", createInput(newNumber())).execute(),
                    ErrorType.FORBIDDEN, "");
            refusedWith(refused.documentName("inspectionPlanSetTargets").variable("input", v(plan, "unitIds", List.of())).execute(),
                    ErrorType.FORBIDDEN, "");
            refusedWith(refused.documentName("inspectionPlanApprove").variable("input", v(plan)).execute(),
                    ErrorType.FORBIDDEN, "");
        }
        refusedWith(anonymous().documentName("inspectionPlanCreate").variable("input", createInput(newNumber())).execute(),
                ErrorType.UNAUTHORIZED, "");
        assertThat(count("select count(*) from inspection_plan")).isEqualTo(plans);
    }

    @Test
    void citizensPartnersAndAnonymousCallersReadNoPlan() {
        Ref plan = ready();
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(refused.documentName("inspectionPlans").variable("first", 5).execute(), ErrorType.FORBIDDEN, "");
            refusedWith(refused.documentName("inspectionPlan").variable("number", plan.number()).execute(),
                    ErrorType.FORBIDDEN, "inspectionPlan");
            refusedWith(refused.documentName("inspectionPlanNode").variable("id", plan.id()).execute(), ErrorType.FORBIDDEN, "node");
        }
        refusedWith(anonymous().documentName("inspectionPlan").variable("number", plan.number()).execute(),
                ErrorType.UNAUTHORIZED, "inspectionPlan");
    }

    @Test
    void demoPlan2960IsInFieldworkForItsTeamAndItsTargetUnitsHeads() {
        GraphQlTester.Response r = hoa().documentName("inspectionPlan").variable("number", "2960/KH-TTCP").execute();
        r.path("inspectionPlan.status").entity(String.class).isEqualTo("IN_PROGRESS");
        r.path("inspectionPlan.issueDate").entity(String.class).isEqualTo("2023-12-08");
        r.path("inspectionPlan.lead.idpUsername").entity(String.class).isEqualTo("inspector.lead");
        r.path("inspectionPlan.targets[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP"));
        r.path("inspectionPlan.team[*].official.unit.code").entityList(String.class)
                .satisfies(units -> assertThat(units).containsExactlyInAnyOrder("NA-TTT", "NA-TTT", "NA-VPUB", "NA-SNV", "NA-STP"));
        r.path("inspectionPlan.checklist").entityList(Object.class).hasSize(8);
        for (HttpGraphQlTester outsider : List.of(otherInspector(), unitHead("NA-SNV"), unitHead("NA-DOLUONG"))) {
            outsider.documentName("inspectionPlan").variable("number", "2960/KH-TTCP").execute().path("inspectionPlan").valueIsNull();
        }
        // a target unit's head sees the approved plan, with their own unit only
        GraphQlTester.Response head = unitHead("NA-SYT").documentName("inspectionPlanStatistics").variable("number", "2960/KH-TTCP").execute();
        head.path("inspectionPlan.statistics[*].unit.code").entityList(String.class).containsExactly("NA-SYT");
        head.path("inspectionPlan.totals").valueIsNull();
    }

    @Test
    void aPageOfPlansWithEveryNestedFieldCostsAFixedNumberOfStatements() {
        for (int i = 0; i < 4; i++) {
            ready();
        }
        inspector().documentName("inspectionPlansDetail").variable("first", 1).execute();
        long before1 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlansDetail").variable("first", 1).execute()
                .path("inspectionPlans.nodes").entityList(Object.class).hasSize(1);
        long for1 = SqlStatementCounter.count() - before1;
        long before5 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlansDetail").variable("first", 5).execute()
                .path("inspectionPlans.nodes[*].team[0].role").entityList(String.class).hasSize(5)
                .path("inspectionPlans.nodes[*].statistics[0].unit.code").entityList(String.class).hasSize(5);
        long for5 = SqlStatementCounter.count() - before5;
        assertThat(for5).as("statements for 5 plans").isEqualTo(for1);
    }

    @Test
    void onceConcludedATargetUnitsHeadSeesOnlyTheirOwnUnitsPart() {
        Ref plan = ready();
        unitHead("NA-SYT").documentName("inspectionPlanNode").variable("id", plan.id()).execute().path("node").valueIsNull();
        // no mutation concludes a plan yet: this slice stops at fieldwork
        jdbc.sql("update inspection_plan set status = 'CONCLUDED' where number = :n").param("n", plan.number()).update();

        GraphQlTester.Response head = unitHead("NA-SYT").documentName("inspectionPlanStatistics").variable("number", plan.number()).execute();
        head.path("inspectionPlan.statistics[*].unit.code").entityList(String.class).containsExactly("NA-SYT");
        head.path("inspectionPlan.totals").valueIsNull();
        unitHead("NA-SYT").documentName("inspectionPlanNode").variable("id", plan.id()).execute()
                .path("node.targets[*].code").entityList(String.class).containsExactly("NA-SYT");
        unitHead("NA-SYT").documentName("inspectionPlans").variable("filter", Map.of("text", plan.number())).variable("first", 5)
                .execute().path("inspectionPlans.totalCount").entity(Long.class).isEqualTo(1L);

        // the team still sees every unit and the whole plan's figures
        GraphQlTester.Response team = hoa().documentName("inspectionPlanStatistics").variable("number", plan.number()).execute();
        team.path("inspectionPlan.statistics").entityList(Object.class).hasSize(2);
        team.path("inspectionPlan.totals.received").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        // heads of units the plan does not target, and inspectors off the team, see nothing
        for (HttpGraphQlTester outsider : List.of(unitHead("NA-SNV"), unitHead("NA-STNMT"), otherInspector())) {
            outsider.documentName("inspectionPlanNode").variable("id", plan.id()).execute().path("node").valueIsNull();
            outsider.documentName("inspectionPlan").variable("number", plan.number()).execute().path("inspectionPlan").valueIsNull();
        }
    }

    @Test
    void pagesFollowTheRequestedOrderToTheEndAndBack() {
        for (int i = 0; i < 3; i++) {
            create();
        }
        String visible = "from inspection_plan p where exists (select 1 from inspection_team_member m join official o on o.id = m.official_id"
                + " where m.plan_id = p.id and o.idp_username = 'inspector.lead')";
        Map<Map<String, Object>, List<String>> expected = Map.of(
                Map.of("field", "NUMBER", "direction", "ASC"),
                jdbc.sql("select number " + visible + " order by number, id").query(String.class).list(),
                Map.of("field", "ISSUE_DATE", "direction", "DESC"),
                jdbc.sql("select number " + visible + " order by coalesce(issue_date, date '0001-01-01') desc, id desc").query(String.class).list(),
                Map.of("field", "CREATED", "direction", "ASC"),
                jdbc.sql("select number " + visible + " order by id").query(String.class).list());
        expected.forEach((order, numbers) -> {
            List<String> seen = new java.util.ArrayList<>();
            String after = null;
            boolean more = true;
            while (more) {
                GraphQlTester.Request<?> request = inspector().documentName("inspectionPlans").variable("first", 2)
                        .variable("orderBy", List.of(order));
                if (after != null) {
                    request = request.variable("after", after);
                }
                GraphQlTester.Response r = request.execute();
                seen.addAll(r.path("inspectionPlans.nodes[*].number").entityList(String.class).get());
                more = r.path("inspectionPlans.pageInfo.hasNextPage").entity(Boolean.class).get();
                after = r.path("inspectionPlans.pageInfo.endCursor").entity(String.class).get();
            }
            assertThat(seen).as(order.toString()).isEqualTo(numbers);
            inspector().documentName("inspectionPlans").variable("last", 2).variable("orderBy", List.of(order)).execute()
                    .path("inspectionPlans.nodes[*].number").entityList(String.class)
                    .containsExactly(numbers.subList(numbers.size() - 2, numbers.size()).toArray(String[]::new));
        });
        // without orderBy: newest first
        inspector().documentName("inspectionPlans").variable("first", 1).execute().path("inspectionPlans.nodes[0].number")
                .entity(String.class).isEqualTo(jdbc.sql("select number " + visible + " order by id desc limit 1").query(String.class).single());
    }
}
