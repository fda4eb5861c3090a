package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The conclusion, the follow-up of recommendations by unit heads and the team, closing a plan, overdue flags and the inbox. */
class FollowUpIT extends FindingTestBase {

    private static Map<String, Object> respond(FindingRef finding, String kind, String text) {
        return input("findingId", finding.id(), "version", finding.version(), "kind", kind, "text", text);
    }

    // ------------------------------------------------------------------ the conclusion

    @Test
    void theLeadConcludesWithTheFiguresFrozenAndUnitHeadsSeeOnlyTheirRow() {
        PlanRef plan = planInFieldwork();
        record(plan, "NA-SYT");
        refusedWith(planStep(hoa(), "inspectionPlanConclude", v(current(plan), "summary", "Kết luận của thành viên")),
                ErrorType.FORBIDDEN, "");
        GraphQlTester.Response blank = planStep(inspector(), "inspectionPlanConclude", v(current(plan), "summary", "  "));
        blank.path("inspectionPlanConclude.userErrors[0].field").entityList(String.class).containsExactly("input", "summary");
        blank.path("inspectionPlanConclude.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
        blank.path("inspectionPlanConclude.inspectionPlan").valueIsNull();
        assertThat(count("select count(*) from inspection_conclusion c join inspection_plan p on p.id = c.plan_id where p.number = '"
                + plan.number() + "'")).isZero();
        PlanRef stale = new PlanRef(plan.id(), current(plan).version() - 1, plan.number());
        userErrorOnPlan(planStep(inspector(), "inspectionPlanConclude", v(stale, "summary", "Kết luận")), "inspectionPlanConclude",
                "CONCURRENT_MODIFICATION");

        GraphQlTester.Response concluded = planStep(inspector(), "inspectionPlanConclude", v(current(plan), "summary", "Kết luận thanh tra"));
        concluded.path("inspectionPlanConclude.inspectionPlan.status").entity(String.class).isEqualTo("CONCLUDED");
        concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.summary").entity(String.class).isEqualTo("Kết luận thanh tra");
        concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.issuedBy").entity(String.class).isEqualTo("inspector.lead");
        concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.statistics[*].unit.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NA-SYT", "NA-QUYHOP"));
        int sytLate = concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.statistics[?(@.unit.code == 'NA-SYT')].resolvedLate")
                .entityList(Integer.class).get().getFirst();
        int totalLate = concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.totals.resolvedLate").entity(Integer.class).get();
        assertThat(jdbc.sql("select action from audit_record where object_id = :n order by id desc limit 1").param("n", plan.number())
                .query(String.class).single()).isEqualTo("inspectionPlan.conclude");
        userErrorOnPlan(planStep(inspector(), "inspectionPlanConclude", v(current(plan), "summary", "Lần hai")), "inspectionPlanConclude",
                "TRANSITION_NOT_ALLOWED");

        // a dossier of Sở Y tế in the period turns out late after all: the live figures move, the conclusion does not
        long dossier = jdbc.sql("""
                        select d.id from dossier d join unit u on u.id = d.unit_id where u.code = 'NA-SYT' and d.status in ('RESOLVED', 'RETURNED')
                        and not d.late and d.received_at >= '2022-01-01' and d.closed_at < '2023-11-01' order by d.id limit 1""")
                .query(Long.class).single();
        jdbc.sql("update dossier set late = true where id = :id").param("id", dossier).update();
        try {
            GraphQlTester.Response later = hoa().documentName("inspectionPlanFindings").variable("number", plan.number()).execute();
            later.path("inspectionPlan.statistics[?(@.unit.code == 'NA-SYT')].resolvedLate").entityList(Integer.class).containsExactly(sytLate + 1);
            later.path("inspectionPlan.conclusion.statistics[?(@.unit.code == 'NA-SYT')].resolvedLate").entityList(Integer.class)
                    .containsExactly(sytLate);
            later.path("inspectionPlan.conclusion.totals.resolvedLate").entity(Integer.class).isEqualTo(totalLate);
        } finally {
            jdbc.sql("update dossier set late = false where id = :id").param("id", dossier).update();
        }

        GraphQlTester.Response head = unitHead("NA-SYT").documentName("inspectionPlanFindings").variable("number", plan.number()).execute();
        head.path("inspectionPlan.conclusion.summary").entity(String.class).isEqualTo("Kết luận thanh tra");
        head.path("inspectionPlan.conclusion.statistics[*].unit.code").entityList(String.class).containsExactly("NA-SYT");
        head.path("inspectionPlan.conclusion.totals").valueIsNull();
        // a plan in fieldwork has no conclusion yet
        hoa().documentName("inspectionPlanFindings").variable("number", planInFieldwork().number()).execute()
                .path("inspectionPlan.conclusion").valueIsNull();
    }

    private static void userErrorOnPlan(GraphQlTester.Response r, String mutation, String code) {
        r.path(mutation + ".userErrors[*].code").entityList(String.class).contains(code);
        r.path(mutation + ".inspectionPlan").valueIsNull();
    }

    // ------------------------------------------------------------------ answering, verifying, reopening

    @Test
    void theUnitAnswersWithAPlanThenProgressAndDoneAndTheTeamVerifiesOrReopens() {
        PlanRef plan = planInFieldwork();
        FindingRef f = record(plan, "NA-SYT");
        // nothing to answer before the conclusion: the head does not even see the finding
        userError(mutate(unitHead("NA-SYT"), "recommendationRespond", respond(f, "PLAN", "Sở sẽ rà soát quy trình")),
                "recommendationRespond", "NOT_FOUND", "input", "findingId");
        userError(mutate(hoa(), "recommendationVerify", action(f, "Đã kiểm tra thực tế")), "recommendationVerify", "PLAN_NOT_IN_FOLLOW_UP");
        conclude(plan);

        HttpGraphQlTester head = unitHead("NA-SYT");
        userError(mutate(head, "recommendationRespond", respond(f, "PLAN", " ")), "recommendationRespond", "REQUIRED", "input", "text");
        userError(mutate(head, "recommendationRespond", respond(f, "PLAN", "Xong")), "recommendationRespond", "NOT_SPECIFIC", "input", "text");
        userError(mutate(head, "recommendationRespond", respond(f, "PROGRESS", "Đã làm được một nửa")), "recommendationRespond",
                "PLAN_FIRST", "input", "kind");
        userError(mutate(head, "recommendationRespond", respond(f, "VERIFIED", "Tự xác nhận hoàn thành")), "recommendationRespond",
                "NOT_A_UNIT_ANSWER", "input", "kind");
        GraphQlTester.Response planned = mutate(head, "recommendationRespond", respond(f, "PLAN", "Sở rà soát quy trình trong quý I"));
        planned.path("recommendationRespond.finding.recommendationStatus").entity(String.class).isEqualTo("IN_REMEDIATION");
        f = findingRef(planned, "recommendationRespond");
        userError(mutate(head, "recommendationRespond", respond(f, "PLAN", "Một kế hoạch khác hẳn")), "recommendationRespond",
                "PLAN_GIVEN", "input", "kind");
        userError(mutate(hoa(), "recommendationVerify", action(f, "Đã kiểm tra thực tế")), "recommendationVerify", "NOT_REPORTED_DONE");
        userError(mutate(hoa(), "recommendationReopen", action(f, "Chưa làm gì cả")), "recommendationReopen", "NOT_REOPENABLE");
        f = findingRef(mutate(head, "recommendationRespond", respond(f, "PROGRESS", "Đã rà soát xong lĩnh vực dược")), "recommendationRespond");
        GraphQlTester.Response done = mutate(head, "recommendationRespond", respond(f, "DONE", "Đã hoàn thành rà soát toàn bộ quy trình"));
        done.path("recommendationRespond.finding.recommendationStatus").entity(String.class).isEqualTo("REPORTED_DONE");
        f = findingRef(done, "recommendationRespond");
        userError(mutate(head, "recommendationRespond", respond(f, "PROGRESS", "Vẫn đang làm tiếp")), "recommendationRespond",
                "NOT_AWAITING_ANSWER");

        GraphQlTester.Response reopened = mutate(hoa(), "recommendationReopen", action(f, "Chưa sửa quy trình lĩnh vực khám chữa bệnh"));
        reopened.path("recommendationReopen.finding.recommendationStatus").entity(String.class).isEqualTo("IN_REMEDIATION");
        f = findingRef(reopened, "recommendationReopen");
        f = findingRef(mutate(head, "recommendationRespond", respond(f, "DONE", "Đã sửa cả lĩnh vực khám chữa bệnh")), "recommendationRespond");
        userError(mutate(hoa(), "recommendationVerify", action(new FindingRef(f.id(), f.version() - 1, f.number()), "Đã kiểm tra thực tế")),
                "recommendationVerify", "CONCURRENT_MODIFICATION", "input", "version");
        GraphQlTester.Response verified = mutate(hoa(), "recommendationVerify", action(f, "Đoàn đã kiểm tra thực tế tại Sở"));
        verified.path("recommendationVerify.finding.recommendationStatus").entity(String.class).isEqualTo("VERIFIED");
        verified.path("recommendationVerify.finding.followUp[*].kind").entityList(String.class)
                .containsExactly("PLAN", "PROGRESS", "DONE", "REOPENED", "DONE", "VERIFIED");
        verified.path("recommendationVerify.finding.followUp[0].by").entity(String.class).isEqualTo("head.na-syt");
        verified.path("recommendationVerify.finding.followUp[5].by").entity(String.class).isEqualTo("inspector.hoa");
        f = findingRef(verified, "recommendationVerify");
        // a verified recommendation may be reopened when it turns out not done after all
        f = findingRef(mutate(inspector(), "recommendationReopen", action(f, "Người dân phản ánh vẫn còn quá hạn")), "recommendationReopen");
        assertThat(jdbc.sql("select action from audit_record where object_id = :o order by id").param("o", plan.number() + "#1")
                .query(String.class).list()).containsExactly("finding.record", "recommendation.respond", "recommendation.respond",
                "recommendation.respond", "recommendation.reopen", "recommendation.respond", "recommendation.verify", "recommendation.reopen");
        assertThat(jdbc.sql("select recommendation_status from finding where id = :id").param("id", NodeId.longKey(f.id(), "Finding"))
                .query(String.class).single()).isEqualTo("IN_REMEDIATION");
    }

    @Test
    void onlyTheResponsibleUnitsHeadsAnswerOnlyTheTeamVerifiesAndOnlyTheLeadWaives() {
        PlanRef plan = planInFieldwork();
        FindingRef syt = record(plan, "NA-SYT");
        FindingRef commune = record(plan, "NA-QUYHOP-TAMHOP");
        FindingRef secondCommune = record(plan, "NA-QUYHOP-TAMHOP");
        conclude(plan);

        userError(mutate(unitHead("NA-QUYHOP"), "recommendationRespond", respond(syt, "PLAN", "Huyện sẽ khắc phục ngay")),
                "recommendationRespond", "NOT_FOUND", "input", "findingId");
        userError(mutate(unitHead("NA-SNV"), "recommendationRespond", respond(syt, "PLAN", "Sở sẽ khắc phục ngay")),
                "recommendationRespond", "NOT_FOUND", "input", "findingId");
        // the head of the responsible unit, and the head of the target unit above it, both answer
        findingRef(mutate(unitHead("NA-QUYHOP-TAMHOP"), "recommendationRespond", respond(commune, "PLAN", "Xã bố trí lại bộ phận một cửa")),
                "recommendationRespond");
        findingRef(mutate(unitHead("NA-QUYHOP"), "recommendationRespond", respond(secondCommune, "PLAN", "Huyện chỉ đạo xã khắc phục")),
                "recommendationRespond");
        for (HttpGraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            refusedWith(mutate(refused, "recommendationRespond", respond(syt, "PLAN", "Kế hoạch khắc phục cụ thể")), ErrorType.FORBIDDEN, "");
        }
        for (HttpGraphQlTester refused : List.of(unitHead("NA-SYT"), admin(), citizen(), partner())) {
            refusedWith(mutate(refused, "recommendationVerify", action(syt, "Đã kiểm tra thực tế")), ErrorType.FORBIDDEN, "");
            refusedWith(mutate(refused, "recommendationReopen", action(syt, "Chưa khắc phục xong")), ErrorType.FORBIDDEN, "");
            refusedWith(mutate(refused, "recommendationWaive", action(syt, "Không còn phù hợp")), ErrorType.FORBIDDEN, "");
        }
        refusedWith(mutate(anonymous(), "recommendationRespond", respond(syt, "PLAN", "Kế hoạch khắc phục cụ thể")), ErrorType.UNAUTHORIZED, "");
        userError(mutate(otherInspector(), "recommendationVerify", action(syt, "Đã kiểm tra thực tế")), "recommendationVerify",
                "NOT_FOUND", "input", "findingId");
        // a member of the team verifies and reopens, but only the lead waives
        refusedWith(mutate(hoa(), "recommendationWaive", action(syt, "Không còn phù hợp với quy định mới")), ErrorType.FORBIDDEN, "");
        userError(mutate(inspector(), "recommendationWaive", action(syt, "Bỏ")), "recommendationWaive", "NOT_SPECIFIC", "input", "text");
        GraphQlTester.Response waived = mutate(inspector(), "recommendationWaive", action(syt, "Thủ tục đã được bãi bỏ theo quyết định mới"));
        waived.path("recommendationWaive.finding.recommendationStatus").entity(String.class).isEqualTo("WAIVED");
        waived.path("recommendationWaive.finding.followUp[0].kind").entity(String.class).isEqualTo("WAIVED");
        FindingRef after = findingRef(waived, "recommendationWaive");
        userError(mutate(inspector(), "recommendationWaive", action(after, "Miễn thêm một lần nữa")), "recommendationWaive", "ALREADY_SETTLED");
        userError(mutate(unitHead("NA-SYT"), "recommendationRespond", respond(after, "PLAN", "Sở vẫn muốn khắc phục")),
                "recommendationRespond", "NOT_AWAITING_ANSWER");
    }

    // ------------------------------------------------------------------ follow-up and closing

    @Test
    void aPlanClosesOnlyWhenEveryRecordedRecommendationIsVerifiedOrWaived() {
        PlanRef plan = planInFieldwork();
        FindingRef one = record(plan, "NA-SYT");
        FindingRef two = record(plan, "NA-QUYHOP");
        FindingRef withdrawn = record(plan, "NA-SYT");
        findingRef(mutate(hoa(), "findingWithdraw", action(withdrawn, "Trùng với phát hiện số 1")), "findingWithdraw");
        userErrorOnPlan(planStep(inspector(), "inspectionPlanBeginFollowUp", v(current(plan))), "inspectionPlanBeginFollowUp",
                "TRANSITION_NOT_ALLOWED");
        conclude(plan);
        userErrorOnPlan(planStep(inspector(), "inspectionPlanClose", v(current(plan))), "inspectionPlanClose", "TRANSITION_NOT_ALLOWED");
        refusedWith(planStep(hoa(), "inspectionPlanBeginFollowUp", v(current(plan))), ErrorType.FORBIDDEN, "");
        planStep(inspector(), "inspectionPlanBeginFollowUp", v(current(plan)))
                .path("inspectionPlanBeginFollowUp.inspectionPlan.status").entity(String.class).isEqualTo("FOLLOW_UP");

        GraphQlTester.Response open = planStep(inspector(), "inspectionPlanClose", v(current(plan)));
        open.path("inspectionPlanClose.userErrors[0].code").entity(String.class).isEqualTo("RECOMMENDATIONS_UNSETTLED");
        open.path("inspectionPlanClose.userErrors[0].message").entity(String.class)
                .isEqualTo("The recommendations of findings 1, 2 are neither verified nor waived");
        open.path("inspectionPlanClose.inspectionPlan").valueIsNull();

        // answers and verification go on in follow-up
        one = findingRef(mutate(unitHead("NA-SYT"), "recommendationRespond", input("findingId", one.id(), "version", one.version(),
                "kind", "PLAN", "text", "Sở rà soát lại toàn bộ quy trình")), "recommendationRespond");
        one = findingRef(mutate(unitHead("NA-SYT"), "recommendationRespond", input("findingId", one.id(), "version", one.version(),
                "kind", "DONE", "text", "Đã hoàn thành rà soát quy trình")), "recommendationRespond");
        findingRef(mutate(hoa(), "recommendationVerify", action(one, "Đoàn đã kiểm tra hồ sơ sau khắc phục")), "recommendationVerify");
        planStep(inspector(), "inspectionPlanClose", v(current(plan))).path("inspectionPlanClose.userErrors[0].message").entity(String.class)
                .isEqualTo("The recommendation of finding 2 is neither verified nor waived");
        FindingRef waived = findingRef(mutate(inspector(), "recommendationWaive", action(two, "Đơn vị đã giải thể theo quyết định sắp xếp")),
                "recommendationWaive");

        GraphQlTester.Response closed = planStep(inspector(), "inspectionPlanClose", v(current(plan)));
        closed.path("inspectionPlanClose.inspectionPlan.status").entity(String.class).isEqualTo("CLOSED");
        userError(mutate(inspector(), "recommendationReopen", action(waived, "Mở lại sau khi đóng kế hoạch")), "recommendationReopen",
                "PLAN_NOT_IN_FOLLOW_UP");
        assertThat(jdbc.sql("select action from audit_record where object_id = :n and action like 'inspectionPlan.%' order by id")
                .param("n", plan.number()).query(String.class).list()).endsWith("inspectionPlan.conclude", "inspectionPlan.begin_follow_up",
                "inspectionPlan.close");
    }

    // ------------------------------------------------------------------ overdue and the inbox

    @Test
    void overdueRecommendationsAreFlaggedCountedAndComeFirstInTheUnitHeadsInbox() {
        PlanRef plan = planInFieldwork();
        FindingRef later = record(plan, "NA-SYT");
        FindingRef overdue = record(plan, "NA-SYT");
        FindingRef settled = record(plan, "NA-SYT");
        record(plan, "NA-QUYHOP");
        conclude(plan);
        findingRef(mutate(inspector(), "recommendationWaive", action(settled, "Đã được khắc phục trong thời gian thanh tra")),
                "recommendationWaive");
        // time passes: two deadlines go by, one of them of a recommendation already waived
        jdbc.sql("update finding set remediation_deadline = :d where id in (:ids)").param("d", today().minusDays(1))
                .param("ids", List.of(NodeId.longKey(overdue.id(), "Finding"), NodeId.longKey(settled.id(), "Finding"))).update();

        GraphQlTester.Response team = hoa().documentName("inspectionPlanFindings").variable("number", plan.number()).execute();
        team.path("inspectionPlan.overdueRecommendationCount").entity(Integer.class).isEqualTo(1);
        team.path("inspectionPlan.findings[*].overdue").entityList(Boolean.class).containsExactly(false, true, false, false);
        hoa().documentName("inspectionPlanFindings").variable("number", plan.number()).variable("filter", Map.of("overdue", true)).execute()
                .path("inspectionPlan.findings[*].number").entityList(Integer.class).containsExactly(overdue.number());
        hoa().documentName("inspectionPlanFindings").variable("number", plan.number())
                .variable("filter", Map.of("recommendationStatus", List.of("WAIVED"))).execute()
                .path("inspectionPlan.findings[*].number").entityList(Integer.class).containsExactly(settled.number());
        unitHead("NA-SYT").documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                .path("inspectionPlan.overdueRecommendationCount").entity(Integer.class).isEqualTo(1);
        unitHead("NA-QUYHOP").documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                .path("inspectionPlan.overdueRecommendationCount").entity(Integer.class).isEqualTo(0);

        GraphQlTester.Response inbox = unitHead("NA-SYT").documentName("inspectionInbox").execute();
        List<String> ids = inbox.path("inspectionInbox.recommendations[*].id").entityList(String.class).get();
        assertThat(ids).contains(overdue.id(), later.id()).doesNotContain(settled.id());
        assertThat(ids.indexOf(overdue.id())).isLessThan(ids.indexOf(later.id()));
        inbox.path("inspectionInbox.recommendations[0].overdue").entity(Boolean.class).isEqualTo(true);
        unitHead("NA-QUYHOP").documentName("inspectionInbox").execute().path("inspectionInbox.recommendations[*].id")
                .entityList(String.class).doesNotContain(overdue.id(), later.id());
        for (HttpGraphQlTester nobody : List.of(inspector(), admin())) {
            nobody.documentName("inspectionInbox").execute().path("inspectionInbox.recommendations").entityList(Object.class).hasSize(0);
        }
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(refused.documentName("inspectionInbox").execute(), ErrorType.FORBIDDEN, "");
        }
    }

    // ------------------------------------------------------------------ the demo

    @Test
    void theDemoHasFindingsInFieldworkAndAPlanInFollowUpWithAnInboxForItsUnitHeads() {
        hoa().documentName("inspectionPlanFindings").variable("number", "2960/KH-TTCP").execute()
                .path("inspectionPlan.findings[*].evidence[0].kind").entityList(String.class).containsExactly("DOSSIER", "DOSSIER");
        // a target's head sees the plan in fieldwork (its own part) but none of its findings before the conclusion
        unitHead("NA-SYT").documentName("inspectionPlanFindings").variable("number", "2960/KH-TTCP").execute()
                .path("inspectionPlan.findings").entityList(Object.class).hasSize(0);

        GraphQlTester.Response plan = hoa().documentName("inspectionPlanFindings").variable("number", "418/KH-TTT").execute();
        plan.path("inspectionPlan.status").entity(String.class).isEqualTo("FOLLOW_UP");
        plan.path("inspectionPlan.conclusion.statistics[*].unit.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("NA-STNMT", "NA-SYT"));
        plan.path("inspectionPlan.findings[*].recommendationStatus").entityList(String.class)
                .containsExactly("IN_REMEDIATION", "OPEN", "REPORTED_DONE", "VERIFIED", "OPEN", "WAIVED");
        plan.path("inspectionPlan.findings[*].overdue").entityList(Boolean.class).containsExactly(true, false, false, false, false, false);
        plan.path("inspectionPlan.overdueRecommendationCount").entity(Integer.class).isEqualTo(1);
        plan.path("inspectionPlan.findings[2].followUp[*].kind").entityList(String.class).containsExactly("PLAN", "PROGRESS", "DONE");

        GraphQlTester.Response syt = unitHead("NA-SYT").documentName("inspectionInbox").execute();
        syt.path("inspectionInbox.recommendations[?(@.plan.number == '418/KH-TTT')].number").entityList(Integer.class).containsExactly(1, 2, 3);
        syt.path("inspectionInbox.recommendations[0].overdue").entity(Boolean.class).isEqualTo(true);
        unitHead("NA-STNMT").documentName("inspectionInbox").execute()
                .path("inspectionInbox.recommendations[?(@.plan.number == '418/KH-TTT')].number").entityList(Integer.class).containsExactly(5);
    }
}
