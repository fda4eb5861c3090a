package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's Plan 2960/KH-TTCP run past fieldwork through the API: the lead concludes with the
 * figures frozen, begins the follow-up, the responsible units' heads answer every recommendation,
 * the team verifies (one after a reopening), an early close is refused naming the open findings,
 * and the plan closes. One audit record per step. In an application context (and database) of its
 * own, so that the tests reading the demo plan in fieldwork see it unchanged.
 */
@TestPropertySource(properties = "lantern.test.context=plan2960")
class Plan2960EndToEndIT extends FindingTestBase {

    private static final String NUMBER = "2960/KH-TTCP";

    private GraphQlTester.Response read() {
        return hoa().documentName("plan2960EndToEnd").variable("number", NUMBER).execute();
    }

    private static Map<String, Object> answer(FindingRef finding, String kind, String text) {
        return input("findingId", finding.id(), "version", finding.version(), "kind", kind, "text", text);
    }

    @Test
    void plan2960RunsFromFieldworkToClosed() {
        long auditBefore = count("select coalesce(max(id), 0) from audit_record");
        GraphQlTester.Response fieldwork = read();
        fieldwork.path("inspectionPlan.status").entity(String.class).isEqualTo("IN_PROGRESS");
        PlanRef plan = new PlanRef(fieldwork.path("inspectionPlan.id").entity(String.class).get(),
                fieldwork.path("inspectionPlan.version").entity(Integer.class).get(), NUMBER);
        List<Object> liveStatistics = fieldwork.path("inspectionPlan.statistics").entityList(Object.class).get();
        Object liveTotals = fieldwork.path("inspectionPlan.totals").entity(Object.class).get();
        assertThat(liveStatistics).hasSize(4);
        List<String> units = fieldwork.path("inspectionPlan.findings[*].unit.code").entityList(String.class).get();
        assertThat(units).containsExactly("NA-QUYHOP", "NA-SYT");
        List<FindingRef> findings = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            findings.add(new FindingRef(fieldwork.path("inspectionPlan.findings[" + i + "].id").entity(String.class).get(),
                    fieldwork.path("inspectionPlan.findings[" + i + "].version").entity(Integer.class).get(),
                    fieldwork.path("inspectionPlan.findings[" + i + "].number").entity(Integer.class).get()));
        }

        // 1. the lead concludes: the conclusion holds the figures as they stood
        GraphQlTester.Response concluded = planStep(inspector(), "inspectionPlanConclude", v(plan, "summary",
                "Các sở, ngành và huyện cơ bản thực hiện đúng quy định về giải quyết thủ tục hành chính; còn hồ sơ quá hạn"
                        + " không có văn bản xin lỗi và hồ sơ đất đai quá hạn tại huyện Quỳ Hợp."));
        concluded.path("inspectionPlanConclude.inspectionPlan.status").entity(String.class).isEqualTo("CONCLUDED");
        plan = planRef(concluded, "inspectionPlanConclude");
        GraphQlTester.Response afterConclusion = read();
        afterConclusion.path("inspectionPlan.conclusion.issuedBy").entity(String.class).isEqualTo("inspector.lead");
        assertThat(afterConclusion.path("inspectionPlan.conclusion.statistics").entityList(Object.class).get())
                .containsExactlyInAnyOrderElementsOf(liveStatistics);
        assertThat(afterConclusion.path("inspectionPlan.conclusion.totals").entity(Object.class).get()).isEqualTo(liveTotals);

        // 2. the lead begins the follow-up
        plan = planRef(planStep(inspector(), "inspectionPlanBeginFollowUp", v(plan)), "inspectionPlanBeginFollowUp");
        assertThat(jdbc.sql("select status from inspection_plan where number = :n").param("n", NUMBER).query(String.class).single())
                .isEqualTo("FOLLOW_UP");

        // 3. each responsible unit's head answers: a remediation plan, progress, done
        FindingRef quyHop = findings.get(0);
        FindingRef syt = findings.get(1);
        quyHop = findingRef(mutate(unitHead("NA-QUYHOP"), "recommendationRespond", answer(quyHop, "PLAN",
                "Huyện phân công lại công chức địa chính và rà soát quy trình nội bộ trong quý I")), "recommendationRespond");
        quyHop = findingRef(mutate(unitHead("NA-QUYHOP"), "recommendationRespond", answer(quyHop, "PROGRESS",
                "Đã rà soát xong quy trình, đang đào tạo lại công chức")), "recommendationRespond");
        quyHop = findingRef(mutate(unitHead("NA-QUYHOP"), "recommendationRespond", answer(quyHop, "DONE",
                "Đã hoàn thành khắc phục, hồ sơ đất đai quý này không còn quá hạn")), "recommendationRespond");
        syt = findingRef(mutate(unitHead("NA-SYT"), "recommendationRespond", answer(syt, "PLAN",
                "Sở ban hành văn bản xin lỗi cho các hồ sơ quá hạn và chấn chỉnh bộ phận một cửa")), "recommendationRespond");
        syt = findingRef(mutate(unitHead("NA-SYT"), "recommendationRespond", answer(syt, "DONE",
                "Đã gửi văn bản xin lỗi cho toàn bộ người dân có hồ sơ quá hạn")), "recommendationRespond");

        // 4. a team member verifies one; the other is reopened, answered again and then verified
        quyHop = findingRef(mutate(hoa(), "recommendationVerify", action(quyHop, "Đoàn đã kiểm tra hồ sơ sau khắc phục tại huyện")),
                "recommendationVerify");
        syt = findingRef(mutate(hoa(), "recommendationReopen", action(syt, "Còn ba hồ sơ quá hạn chưa có văn bản xin lỗi")),
                "recommendationReopen");
        syt = findingRef(mutate(unitHead("NA-SYT"), "recommendationRespond", answer(syt, "DONE",
                "Đã gửi nốt văn bản xin lỗi cho ba hồ sơ còn lại")), "recommendationRespond");

        // 5. closing too early is refused, naming the open finding, and changes nothing
        GraphQlTester.Response early = planStep(inspector(), "inspectionPlanClose", v(current(plan)));
        early.path("inspectionPlanClose.userErrors[0].code").entity(String.class).isEqualTo("RECOMMENDATIONS_UNSETTLED");
        early.path("inspectionPlanClose.userErrors[0].message").entity(String.class)
                .isEqualTo("The recommendation of finding " + syt.number() + " is neither verified nor waived");
        early.path("inspectionPlanClose.inspectionPlan").valueIsNull();
        // a member of the team may not close it either
        refusedWith(planStep(hoa(), "inspectionPlanClose", v(current(plan))), ErrorType.FORBIDDEN, "");

        syt = findingRef(mutate(hoa(), "recommendationVerify", action(syt, "Đoàn đã kiểm tra đủ văn bản xin lỗi")), "recommendationVerify");

        // 6. the lead closes
        planStep(inspector(), "inspectionPlanClose", v(current(plan))).path("inspectionPlanClose.inspectionPlan.status")
                .entity(String.class).isEqualTo("CLOSED");
        GraphQlTester.Response closed = read();
        closed.path("inspectionPlan.status").entity(String.class).isEqualTo("CLOSED");
        closed.path("inspectionPlan.findings[*].recommendationStatus").entityList(String.class).containsExactly("VERIFIED", "VERIFIED");
        closed.path("inspectionPlan.findings[1].followUp[*].kind").entityList(String.class)
                .containsExactly("PLAN", "DONE", "REOPENED", "DONE", "VERIFIED");
        assertThat(closed.path("inspectionPlan.conclusion.statistics").entityList(Object.class).get())
                .containsExactlyInAnyOrderElementsOf(liveStatistics);

        // one audit record per step, in order, by whoever took it; the refused close left none
        List<List<String>> trail = jdbc.sql("""
                        select action, object_id, actor from audit_record
                        where id > :before and (object_id = :n or object_id like :n || '#%') order by id""")
                .param("before", auditBefore).param("n", NUMBER)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        String q = NUMBER + "#" + quyHop.number();
        String s = NUMBER + "#" + syt.number();
        assertThat(trail).containsExactly(
                List.of("inspectionPlan.conclude", NUMBER, "inspector.lead"),
                List.of("inspectionPlan.begin_follow_up", NUMBER, "inspector.lead"),
                List.of("recommendation.respond", q, "head.na-quyhop"),
                List.of("recommendation.respond", q, "head.na-quyhop"),
                List.of("recommendation.respond", q, "head.na-quyhop"),
                List.of("recommendation.respond", s, "head.na-syt"),
                List.of("recommendation.respond", s, "head.na-syt"),
                List.of("recommendation.verify", q, "inspector.hoa"),
                List.of("recommendation.reopen", s, "inspector.hoa"),
                List.of("recommendation.respond", s, "head.na-syt"),
                List.of("recommendation.verify", s, "inspector.hoa"),
                List.of("inspectionPlan.close", NUMBER, "inspector.lead"));
    }
}
