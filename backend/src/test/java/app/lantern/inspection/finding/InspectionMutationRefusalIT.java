package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Who may not change inspections: administrators, unit heads, citizens, partners and anonymous
 * callers are refused every plan, finding, sampling and conclusion mutation, and nothing changes;
 * a team member who is not the lead may not start, begin the follow-up of or close a plan.
 */
class InspectionMutationRefusalIT extends FindingTestBase {

    /** A plan in fieldwork with a finding and a drawn sample, the target of every refused mutation. */
    private record Target(PlanRef plan, FindingRef finding, SampleRef sample) {
    }

    /** Shared by the parameterised runs (one Spring context for all of them). */
    private static Target target;

    private Target target() {
        if (target == null) {
            PlanRef plan = planInFieldwork();
            target = new Target(plan, record(plan, "NA-SYT"), drawSample(plan, "NA-SYT", 3));
        }
        return target;
    }

    /** One mutation with an input that the lead (or, for an answer, the unit's head) could send. */
    private record Mutation(String document, String operation, java.util.function.Function<Target, Map<String, Object>> input) {
    }

    private List<Mutation> mutations() {
        Map<String, Object> header = input("title", "Thanh tra", "issuingAuthority", "Thanh tra tỉnh Nghệ An", "periodFrom", "2022-01-01",
                "periodTo", "2023-11-30", "checklist", List.of("Hồ sơ quá hạn"));
        return List.of(
                new Mutation("inspectionPlanCreate", "inspectionPlanCreate", t -> {
                    Map<String, Object> input = new java.util.HashMap<>(header);
                    input.put("number", "9999/KH-REFUSED");
                    return input;
                }),
                new Mutation("inspectionPlanUpdate", "inspectionPlanUpdate", t -> {
                    Map<String, Object> input = v(current(t.plan()));
                    input.putAll(header);
                    return input;
                }),
                new Mutation("inspectionPlanSetTargets", "inspectionPlanSetTargets", t -> v(current(t.plan()), "unitIds", List.of(unitId("NA-SNV")))),
                new Mutation("inspectionPlanSetTeam", "inspectionPlanSetTeam", t -> v(current(t.plan()), "members", List.of(
                        Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                        Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER")))),
                new Mutation("inspectionPlanApprove", "inspectionPlanApprove", t -> v(current(t.plan()))),
                new Mutation("inspectionPlanStart", "inspectionPlanStart", t -> v(current(t.plan()))),
                new Mutation("inspectionPlanFollowUp", "inspectionPlanConclude", t -> v(current(t.plan()), "summary", "Kết luận thanh tra")),
                new Mutation("inspectionPlanFollowUp", "inspectionPlanBeginFollowUp", t -> v(current(t.plan()))),
                new Mutation("inspectionPlanFollowUp", "inspectionPlanClose", t -> v(current(t.plan()))),
                new Mutation("findingMutations", "findingRecord", t -> recordInput(t.plan(), "NA-SYT")),
                new Mutation("findingMutations", "findingUpdate", t -> {
                    Map<String, Object> input = recordInput(t.plan(), "NA-SYT", "description", "Mô tả khác hẳn");
                    input.remove("planId");
                    input.remove("unitId");
                    input.putAll(input("findingId", t.finding().id(), "version", t.finding().version()));
                    return input;
                }),
                new Mutation("findingMutations", "findingWithdraw", t -> action(t.finding(), "Ghi nhầm đơn vị chịu trách nhiệm")),
                new Mutation("findingMutations", "recommendationRespond", t -> input("findingId", t.finding().id(),
                        "version", t.finding().version(), "kind", "PLAN", "text", "Kế hoạch khắc phục cụ thể")),
                new Mutation("findingMutations", "recommendationVerify", t -> action(t.finding(), "Đã kiểm tra thực tế")),
                new Mutation("findingMutations", "recommendationReopen", t -> action(t.finding(), "Chưa khắc phục xong")),
                new Mutation("findingMutations", "recommendationWaive", t -> action(t.finding(), "Không còn phù hợp")),
                new Mutation("dossierSampleDraw", "dossierSampleDraw", t -> input("planId", t.plan().id(), "name", "Mẫu bị từ chối",
                        "population", input("unitId", unitId("NA-SYT")), "size", 2, "seed", "REFUSED")),
                new Mutation("dossierSampleExamine", "dossierSampleExamine", t -> input("sampleId", t.sample().id(), "ordinal", 1,
                        "result", "COMPLIANT", "note", "Đúng hạn")));
    }

    static Stream<Arguments> outsiders() {
        return Stream.of(Arguments.of("admin", ErrorType.FORBIDDEN), Arguments.of("unit head", ErrorType.FORBIDDEN),
                Arguments.of("citizen", ErrorType.FORBIDDEN), Arguments.of("partner", ErrorType.FORBIDDEN),
                Arguments.of("anonymous", ErrorType.UNAUTHORIZED));
    }

    private HttpGraphQlTester caller(String who) {
        return switch (who) {
            case "admin" -> admin();
            case "unit head" -> unitHead("NA-SYT");
            case "citizen" -> citizen();
            case "partner" -> partner();
            default -> anonymous();
        };
    }

    /** What any accepted change would move: plans, findings, follow-up, samples, examinations and the audit trail. */
    private List<Long> state() {
        return jdbc.sql("""
                        select (select count(*) from inspection_plan), (select coalesce(sum(version), 0) from inspection_plan),
                            (select count(*) from finding), (select coalesce(sum(version), 0) from finding),
                            (select count(*) from finding_follow_up), (select count(*) from inspection_conclusion),
                            (select count(*) from dossier_sample), (select count(*) from dossier_sample_item where result is not null),
                            (select count(*) from inspection_team_member), (select count(*) from inspection_target),
                            (select count(*) from audit_record)""")
                .query((rs, n) -> {
                    List<Long> values = new java.util.ArrayList<>();
                    for (int i = 1; i <= 11; i++) {
                        values.add(rs.getLong(i));
                    }
                    return values;
                }).single();
    }

    @ParameterizedTest(name = "{0} is refused every inspection mutation")
    @MethodSource("outsiders")
    void outsidersAreRefusedEveryPlanFindingSamplingAndConclusionMutation(String who, ErrorType expected) {
        Target t = target();
        HttpGraphQlTester caller = caller(who);
        List<Long> before = state();
        for (Mutation m : mutations()) {
            // a unit head answers recommendations of their unit: that is their part, tested in FollowUpIT
            if (who.equals("unit head") && m.operation().equals("recommendationRespond")) {
                continue;
            }
            GraphQlTester.Response response = caller.documentName(m.document()).operationName(m.operation())
                    .variable("input", m.input().apply(t)).execute();
            response.errors().satisfy(errors -> assertThat(errors).as(who + " " + m.operation())
                    .extracting(e -> e.getErrorType()).containsExactly(expected));
            response.path("").valueIsNull();
        }
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aTeamMemberWhoIsNotTheLeadMayNotStartBeginTheFollowUpOfOrCloseAPlan() {
        String number = (8000 + (int) (System.nanoTime() % 1000)) + "/KH-LEAD-" + System.nanoTime() % 100000;
        PlanRef plan = planRef(inspector().documentName("inspectionPlanCreate").variable("input", input("number", number,
                "title", "Thanh tra", "issuingAuthority", "Thanh tra tỉnh Nghệ An", "periodFrom", "2022-01-01", "periodTo", "2023-11-30",
                "checklist", List.of("Hồ sơ quá hạn"))).execute(), "inspectionPlanCreate");
        plan = planRef(inspector().documentName("inspectionPlanSetTargets")
                .variable("input", v(plan, "unitIds", List.of(unitId("NA-SYT")))).execute(), "inspectionPlanSetTargets");
        plan = planRef(inspector().documentName("inspectionPlanSetTeam").variable("input", v(plan, "members", List.of(
                Map.of("officialId", officialId("inspector.lead"), "role", "LEAD"),
                Map.of("officialId", officialId("inspector.hoa"), "role", "MEMBER")))).execute(), "inspectionPlanSetTeam");
        PlanRef approved = planRef(inspector().documentName("inspectionPlanApprove").variable("input", v(plan)).execute(),
                "inspectionPlanApprove");
        Supplier<String> status = () -> jdbc.sql("select status from inspection_plan where number = :n").param("n", number)
                .query(String.class).single();

        refusedWith(hoa().documentName("inspectionPlanStart").variable("input", v(approved)).execute(), ErrorType.FORBIDDEN, "");
        assertThat(status.get()).isEqualTo("APPROVED");
        planRef(inspector().documentName("inspectionPlanStart").variable("input", v(approved)).execute(), "inspectionPlanStart");
        conclude(plan);
        refusedWith(planStep(hoa(), "inspectionPlanBeginFollowUp", v(current(plan))), ErrorType.FORBIDDEN, "");
        assertThat(status.get()).isEqualTo("CONCLUDED");
        planRef(planStep(inspector(), "inspectionPlanBeginFollowUp", v(current(plan))), "inspectionPlanBeginFollowUp");
        // no finding is unsettled: only the lead's role stands between the member and closing
        refusedWith(planStep(hoa(), "inspectionPlanClose", v(current(plan))), ErrorType.FORBIDDEN, "");
        assertThat(status.get()).isEqualTo("FOLLOW_UP");
        assertThat(jdbc.sql("select actor from audit_record where object_id = :n and action like 'inspectionPlan.%' order by id")
                .param("n", number).query(String.class).list()).containsOnly("inspector.lead");
        planStep(inspector(), "inspectionPlanClose", v(current(plan))).path("inspectionPlanClose.inspectionPlan.status")
                .entity(String.class).isEqualTo("CLOSED");
    }
}
