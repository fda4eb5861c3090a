package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.SqlStatementCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Self-inspection reports over HTTP: created on the head's first read, the report's life, late submission, and every refusal. */
class SelfReportsIT extends InspectionFixtures {

    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };

    record Report(String id, int version) {
    }

    private GraphQlTester.Response read(HttpGraphQlTester caller, String planNumber, String unit) {
        return caller.documentName("selfInspectionReport").variable("planId", planId(planNumber)).variable("unitId", unitId(unit)).execute();
    }

    private Report open(String planNumber, String unit) {
        GraphQlTester.Response r = read(unitHead(unit), planNumber, unit);
        r.errors().verify();
        return new Report(r.path("selfInspectionReport.id").entity(String.class).get(),
                r.path("selfInspectionReport.version").entity(Integer.class).get());
    }

    private GraphQlTester.Response run(HttpGraphQlTester caller, String mutation, Report report, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("reportId", report.id(), "version", report.version()));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return caller.documentName(mutation).variable("input", input).execute();
    }

    private static Report ok(GraphQlTester.Response r, String mutation, String status) {
        r.errors().verify();
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        r.path(mutation + ".report.status").entity(String.class).isEqualTo(status);
        return new Report(r.path(mutation + ".report.id").entity(String.class).get(),
                r.path(mutation + ".report.version").entity(Integer.class).get());
    }

    private String procedureOf(String unit) {
        return NodeId.encode("Procedure", jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = :c"
                + " order by p.id limit 1").param("c", unit).query(Long.class).single());
    }

    private Object[] contents(int reviewed, int expired, int inForce, String difficulty, String procedureId) {
        return new Object[] {
            "difficulties", List.of(Map.of("category", "HUMAN_RESOURCES", "description", difficulty)),
            "legalDocuments", Map.of("reviewed", reviewed, "expired", expired, "inForce", inForce, "proposedForAmendment", 2,
                    "proposedForAbolition", 1),
            "simplificationProposals", List.of(Map.of("procedureId", procedureId, "proposal", "Bỏ bản sao chứng thực")),
            "proposals", "Đề nghị bổ sung biên chế"};
    }

    // ------------------------------------------------------------------ the report's life

    @Test
    void theHeadsFirstReadCreatesADraftWithTheUnitsLiveFigures() {
        Plan plan = approved("2099-12-31");
        long before = count("select count(*) from self_inspection_report");
        GraphQlTester.Response first = read(unitHead("NA-SYT"), plan.number(), "NA-SYT");
        first.path("selfInspectionReport.status").entity(String.class).isEqualTo("DRAFT");
        first.path("selfInspectionReport.unit.code").entity(String.class).isEqualTo("NA-SYT");
        first.path("selfInspectionReport.plan.number").entity(String.class).isEqualTo(plan.number());
        first.path("selfInspectionReport.submittedLate").entity(Boolean.class).isEqualTo(false);
        first.path("selfInspectionReport.legalDocuments.reviewed").entity(Integer.class).isEqualTo(0);
        // the figures are the plan's statistics row of the unit, as the team sees it
        Map<String, Object> figures = first.path("selfInspectionReport.figures").entity(ROW).get();
        Map<String, Object> teamRow = hoa().documentName("inspectionPlanStatistics").variable("number", plan.number()).execute()
                .path("inspectionPlan.statistics").entityList(ROW).get().stream()
                .filter(s -> "NA-SYT".equals(((Map<?, ?>) s.get("unit")).get("code"))).findFirst().orElseThrow();
        for (String name : List.of("received", "carriedOver", "resolvedOnTime", "resolvedLate", "rejected", "openOverdue")) {
            assertThat(figures.get(name)).as(name).isEqualTo(teamRow.get(name));
        }
        assertThat(((Number) figures.get("received")).intValue()).isPositive();
        String id = first.path("selfInspectionReport.id").entity(String.class).get();
        read(unitHead("NA-SYT"), plan.number(), "NA-SYT").path("selfInspectionReport.id").entity(String.class).isEqualTo(id);
        assertThat(count("select count(*) from self_inspection_report")).isEqualTo(before + 1);
        assertThat(count("select count(*) from audit_record where action = 'selfInspectionReport.create' and object_id = ?", plan.number()))
                .isEqualTo(1);
    }

    @Test
    void aDraftIsSavedSubmittedReturnedSubmittedAgainAndAccepted() {
        Plan plan = approved("2099-12-31");
        Report report = open(plan.number(), "NA-SYT");
        String procedure = procedureOf("NA-SYT");
        GraphQlTester.Response saved = run(unitHead("NA-SYT"), "selfInspectionReportSave", report,
                contents(20, 5, 15, "Thiếu công chức tiếp nhận", procedure));
        report = ok(saved, "selfInspectionReportSave", "DRAFT");
        saved.path("selfInspectionReportSave.report.difficulties[0].description").entity(String.class).isEqualTo("Thiếu công chức tiếp nhận");
        saved.path("selfInspectionReportSave.report.legalDocuments.inForce").entity(Integer.class).isEqualTo(15);
        saved.path("selfInspectionReportSave.report.simplificationProposals[0].procedure.id").entity(String.class).isEqualTo(procedure);
        saved.path("selfInspectionReportSave.report.proposals").entity(String.class).isEqualTo("Đề nghị bổ sung biên chế");

        // the team does not see a draft
        read(hoa(), plan.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        hoa().documentName("inspectionPlanSelfReports").variable("number", plan.number()).execute()
                .path("inspectionPlan.selfReports").entityList(Object.class).hasSize(0);

        GraphQlTester.Response submitted = run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report);
        report = ok(submitted, "selfInspectionReportSubmit", "SUBMITTED");
        submitted.path("selfInspectionReportSubmit.report.submittedLate").entity(Boolean.class).isEqualTo(false);
        submitted.path("selfInspectionReportSubmit.report.submittedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(20, 5, 15, "x", procedure)),
                "selfInspectionReportSave", "report", "REPORT_NOT_EDITABLE", null);
        // an administrator off the team is no one special: no report
        read(admin(), plan.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        for (HttpGraphQlTester team : List.of(inspector(), hoa())) {
            read(team, plan.number(), "NA-SYT").path("selfInspectionReport.status").entity(String.class).isEqualTo("SUBMITTED");
            team.documentName("inspectionPlanSelfReports").variable("number", plan.number()).execute()
                    .path("inspectionPlan.selfReports[*].unit.code").entityList(String.class).containsExactly("NA-SYT");
        }

        userError(run(hoa(), "selfInspectionReportReturn", report, "reason", " "), "selfInspectionReportReturn", "report", "REQUIRED",
                List.of("input", "reason"));
        GraphQlTester.Response returned = run(hoa(), "selfInspectionReportReturn", report, "reason", "Bổ sung số liệu văn bản pháp luật");
        report = ok(returned, "selfInspectionReportReturn", "RETURNED");
        returned.path("selfInspectionReportReturn.report.returnReason").entity(String.class).isEqualTo("Bổ sung số liệu văn bản pháp luật");
        userError(run(inspector(), "selfInspectionReportAccept", report), "selfInspectionReportAccept", "report",
                "TRANSITION_NOT_ALLOWED", null);

        report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(25, 5, 20, "Thiếu công chức", procedure)),
                "selfInspectionReportSave", "RETURNED");
        report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "SUBMITTED");
        report = ok(run(inspector(), "selfInspectionReportAccept", report), "selfInspectionReportAccept", "ACCEPTED");
        userError(run(inspector(), "selfInspectionReportAccept", report), "selfInspectionReportAccept", "report",
                "TRANSITION_NOT_ALLOWED", null);
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "report",
                "TRANSITION_NOT_ALLOWED", null);

        long reportKey = NodeId.longKey(report.id(), "SelfInspectionReport");
        assertThat(jdbc.sql("select action from audit_record where object_type = 'InspectionPlan' and object_id = :n"
                        + " and action like 'selfInspectionReport.%' order by id").param("n", plan.number()).query(String.class).list())
                .containsExactly("selfInspectionReport.create", "selfInspectionReport.save", "selfInspectionReport.submit",
                        "selfInspectionReport.return", "selfInspectionReport.save", "selfInspectionReport.submit",
                        "selfInspectionReport.accept");
        assertThat(count("select legal_reviewed from self_inspection_report where id = ?", reportKey)).isEqualTo(25);
    }

    @Test
    void whatWasSubmittedIsFrozenAndNothingIsDeleted() {
        Plan plan = approved("2099-12-31");
        Report report = open(plan.number(), "NA-SYT");
        String procedure = procedureOf("NA-SYT");
        report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(20, 5, 15, "Thiếu công chức tiếp nhận", procedure)),
                "selfInspectionReportSave", "DRAFT");
        int late = figure(read(unitHead("NA-SYT"), plan.number(), "NA-SYT"), "resolvedLate");
        // a dossier of Sở Y tế in the period turns out late after all (restored at the end)
        long dossier = jdbc.sql("""
                        select d.id from dossier d join unit u on u.id = d.unit_id where u.code = 'NA-SYT' and d.status in ('RESOLVED', 'RETURNED')
                        and not d.late and d.received_at >= '2022-01-01' and d.closed_at < '2023-11-01' order by d.id limit 1""")
                .query(Long.class).single();
        try {
            jdbc.sql("update dossier set late = true where id = :id").param("id", dossier).update();
            // a draft's figures are live
            assertThat(figure(read(unitHead("NA-SYT"), plan.number(), "NA-SYT"), "resolvedLate")).isEqualTo(late + 1);
            report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "SUBMITTED");
            jdbc.sql("update dossier set late = false where id = :id").param("id", dossier).update();
            // a submitted report's figures are those it was submitted with, whatever the dossiers say now
            GraphQlTester.Response submitted = read(hoa(), plan.number(), "NA-SYT");
            assertThat(figure(submitted, "resolvedLate")).isEqualTo(late + 1);
            submitted.path("selfInspectionReport.submissions[*].submittedBy").entityList(String.class).containsExactly("head.na-syt");
            submitted.path("selfInspectionReport.submissions[0].figures.resolvedLate").entity(Integer.class).isEqualTo(late + 1);
            submitted.path("selfInspectionReport.submissions[0].figures.unit.code").entity(String.class).isEqualTo("NA-SYT");

            report = ok(run(hoa(), "selfInspectionReportReturn", report, "reason", "Bổ sung số liệu văn bản pháp luật"),
                    "selfInspectionReportReturn", "RETURNED");
            // returned, the report is the unit's to edit again: live figures
            assertThat(figure(read(unitHead("NA-SYT"), plan.number(), "NA-SYT"), "resolvedLate")).isEqualTo(late);
            report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(30, 10, 20, "Thiếu kinh phí số hóa", procedure)),
                    "selfInspectionReportSave", "RETURNED");
            ok(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "SUBMITTED");
        } finally {
            jdbc.sql("update dossier set late = false where id = :id").param("id", dossier).update();
        }

        // the first submission keeps what the team returned; the second holds the new content
        GraphQlTester.Response again = read(inspector(), plan.number(), "NA-SYT");
        again.path("selfInspectionReport.submissions[*].difficulties[0].description").entityList(String.class)
                .containsExactly("Thiếu công chức tiếp nhận", "Thiếu kinh phí số hóa");
        again.path("selfInspectionReport.submissions[*].legalDocuments.reviewed").entityList(Integer.class).containsExactly(20, 30);
        again.path("selfInspectionReport.submissions[*].figures.resolvedLate").entityList(Integer.class).containsExactly(late + 1, late);
        again.path("selfInspectionReport.submissions[0].simplificationProposals[0].procedure.id").entity(String.class).isEqualTo(procedure);
        again.path("selfInspectionReport.difficulties[*].description").entityList(String.class).containsExactly("Thiếu kinh phí số hóa");
        assertThat(figure(again, "resolvedLate")).isEqualTo(late);

        // replaced lists are marked removed, not deleted
        long key = NodeId.longKey(report.id(), "SelfInspectionReport");
        assertThat(count("select count(*) from self_report_difficulty where report_id = ? and removed_at is not null", key)).isEqualTo(1);
        assertThat(count("select count(*) from self_report_difficulty where report_id = ? and removed_at is null", key)).isEqualTo(1);
        assertThat(count("select count(*) from self_report_simplification where report_id = ? and removed_at is not null", key)).isEqualTo(1);
        // the audit trail holds what was saved and submitted, not just the unit
        assertThat(jdbc.sql("""
                        select action, details->'content'->'difficulties'->0->>'description', details->'content'->'legalDocuments'->>'reviewed'
                        from audit_record where object_id = :n and action in ('selfInspectionReport.save', 'selfInspectionReport.submit')
                        order by id""").param("n", plan.number())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list()).containsExactly(
                List.of("selfInspectionReport.save", "Thiếu công chức tiếp nhận", "20"),
                List.of("selfInspectionReport.submit", "Thiếu công chức tiếp nhận", "20"),
                List.of("selfInspectionReport.save", "Thiếu kinh phí số hóa", "30"),
                List.of("selfInspectionReport.submit", "Thiếu kinh phí số hóa", "30"));
    }

    private static int figure(GraphQlTester.Response report, String name) {
        return report.path("selfInspectionReport.figures." + name).entity(Integer.class).get();
    }

    @Test
    void aSubmissionAfterTheDueDateIsRecordedAsLate() {
        Plan plan = approved("2024-01-15");
        Report report = open(plan.number(), "NA-QUYHOP");
        GraphQlTester.Response r = run(unitHead("NA-QUYHOP"), "selfInspectionReportSubmit", report);
        ok(r, "selfInspectionReportSubmit", "SUBMITTED");
        r.path("selfInspectionReportSubmit.report.submittedLate").entity(Boolean.class).isEqualTo(true);
        assertThat(jdbc.sql("select details ->> 'late' from audit_record where action = 'selfInspectionReport.submit' and object_id = :n")
                .param("n", plan.number()).query(String.class).single()).isEqualTo("true");
    }

    @Test
    void badInputIsNamedByFieldAndAStaleVersionIsRefused() {
        Plan plan = approved(null);
        Report report = open(plan.number(), "NA-SYT");
        String procedure = procedureOf("NA-SYT");
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, -1, 5, "x", procedure)),
                "selfInspectionReportSave", "report", "NEGATIVE", List.of("input", "legalDocuments", "expired"));
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, 0, 11, "x", procedure)),
                "selfInspectionReportSave", "report", "MORE_THAN_REVIEWED", List.of("input", "legalDocuments", "inForce"));
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, 6, 6, "x", procedure)),
                "selfInspectionReportSave", "report", "MORE_THAN_REVIEWED", List.of("input", "legalDocuments", "inForce"));
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, 1, 1, "  ", procedure)),
                "selfInspectionReportSave", "report", "REQUIRED", List.of("input", "difficulties", "0", "description"));
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, 1, 1, "x", NodeId.encode("Procedure", -5))),
                "selfInspectionReportSave", "report", "NOT_FOUND", List.of("input", "simplificationProposals", "0", "procedureId"));
        assertThat(count("select count(*) from self_report_difficulty where report_id = ?", NodeId.longKey(report.id(), "SelfInspectionReport")))
                .isZero();
        ok(run(unitHead("NA-SYT"), "selfInspectionReportSave", report, contents(10, 1, 1, "x", procedure)), "selfInspectionReportSave", "DRAFT");
        userError(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "report",
                "CONCURRENT_MODIFICATION", List.of("input", "version"));
    }

    // ------------------------------------------------------------------ access

    @Test
    void onlyTheTargetUnitsHeadSeesTheirReportAndTheTeamOnlyOnceSubmitted() {
        Plan draft = draft(null);
        read(unitHead("NA-SYT"), draft.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        assertThat(count("select count(*) from self_inspection_report r join inspection_plan p on p.id = r.plan_id where p.number = ?",
                draft.number())).isZero();

        Plan plan = approved("2099-12-31");
        Report report = open(plan.number(), "NA-SYT");
        // another target's head, a head of a unit not targeted, an inspector off the team: nothing, not via node(id) either
        read(unitHead("NA-QUYHOP"), plan.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        read(unitHead("NA-SNV"), plan.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        read(unitHead("NA-SNV"), plan.number(), "NA-SNV").path("selfInspectionReport").valueIsNull();
        read(otherInspector(), plan.number(), "NA-SYT").path("selfInspectionReport").valueIsNull();
        for (HttpGraphQlTester outsider : List.of(unitHead("NA-QUYHOP"), unitHead("NA-SNV"), otherInspector(), hoa(), admin())) {
            outsider.documentName("selfInspectionReportNode").variable("id", report.id()).execute().path("node").valueIsNull();
        }
        unitHead("NA-SYT").documentName("selfInspectionReportNode").variable("id", report.id()).execute()
                .path("node.unit.code").entity(String.class).isEqualTo("NA-SYT");
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(read(refused, plan.number(), "NA-SYT"), ErrorType.FORBIDDEN, "selfInspectionReport");
            refusedWith(refused.documentName("selfInspectionReportNode").variable("id", report.id()).execute(), ErrorType.FORBIDDEN, "node");
        }
        refusedWith(anonymous().documentName("selfInspectionReport").variable("planId", plan.id()).variable("unitId", unitId("NA-SYT"))
                .execute(), ErrorType.UNAUTHORIZED, "selfInspectionReport");

        // only the unit's head writes and submits; only the team returns and accepts
        String procedure = procedureOf("NA-SYT");
        userError(run(unitHead("NA-QUYHOP"), "selfInspectionReportSave", report, contents(1, 0, 1, "x", procedure)),
                "selfInspectionReportSave", "report", "NOT_FOUND", List.of("input", "reportId"));
        userError(run(unitHead("NA-QUYHOP"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "report",
                "NOT_FOUND", List.of("input", "reportId"));
        for (HttpGraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            refusedWith(run(refused, "selfInspectionReportSubmit", report), ErrorType.FORBIDDEN, "");
            refusedWith(run(refused, "selfInspectionReportSave", report, contents(1, 0, 1, "x", procedure)), ErrorType.FORBIDDEN, "");
        }
        report = ok(run(unitHead("NA-SYT"), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "SUBMITTED");
        for (HttpGraphQlTester refused : List.of(unitHead("NA-SYT"), admin(), citizen(), partner())) {
            refusedWith(run(refused, "selfInspectionReportAccept", report), ErrorType.FORBIDDEN, "");
            refusedWith(run(refused, "selfInspectionReportReturn", report, "reason", "x"), ErrorType.FORBIDDEN, "");
        }
        userError(run(otherInspector(), "selfInspectionReportAccept", report), "selfInspectionReportAccept", "report", "NOT_FOUND",
                List.of("input", "reportId"));
        assertThat(jdbc.sql("select status from self_inspection_report where id = ?").param(NodeId.longKey(report.id(), "SelfInspectionReport"))
                .query(String.class).single()).isEqualTo("SUBMITTED");
        hoa().documentName("selfInspectionReportNode").variable("id", report.id()).execute()
                .path("node.status").entity(String.class).isEqualTo("SUBMITTED");
        unitHead("NA-QUYHOP").documentName("inspectionPlanSelfReports").variable("number", plan.number()).execute()
                .path("inspectionPlan.selfReports").entityList(Object.class).hasSize(0);
    }

    @Test
    void fromApprovalATargetUnitsHeadSeesThePlanWithOnlyTheirOwnUnit() {
        Plan plan = approved("2099-12-31");
        GraphQlTester.Response head = unitHead("NA-QUYHOP").documentName("inspectionPlanSelfReports").variable("number", plan.number()).execute();
        head.path("inspectionPlan.number").entity(String.class).isEqualTo(plan.number());
        head.path("inspectionPlan.targets[*].code").entityList(String.class).containsExactly("NA-QUYHOP");
        head.path("inspectionPlan.statistics[*].unit.code").entityList(String.class).containsExactly("NA-QUYHOP");
        head.path("inspectionPlan.totals").valueIsNull();
        unitHead("NA-SNV").documentName("inspectionPlanSelfReports").variable("number", plan.number()).execute()
                .path("inspectionPlan").valueIsNull();
    }

    @Test
    void demoPlan2960HasOneSubmittedReportAndOneDraft() {
        hoa().documentName("inspectionPlanSelfReports").variable("number", PLAN_2960).execute()
                .path("inspectionPlan.selfReports[*].unit.code").entityList(String.class).contains("NA-SYT")
                .path("inspectionPlan.selfReports[*].status").entityList(String.class).doesNotContain("DRAFT");
        read(unitHead("NA-SYT"), PLAN_2960, "NA-SYT").path("selfInspectionReport.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("selfInspectionReport.difficulties").entityList(Object.class).hasSize(3)
                .path("selfInspectionReport.simplificationProposals[0].procedure.name").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
        read(unitHead("NA-QUYHOP"), PLAN_2960, "NA-QUYHOP").path("selfInspectionReport.status").entity(String.class).isEqualTo("DRAFT");
        // the demo's submission is frozen like any other: its figures are those of the submission
        GraphQlTester.Response health = read(hoa(), PLAN_2960, "NA-SYT");
        health.path("selfInspectionReport.submissions[*].submittedBy").entityList(String.class).containsExactly("head.na-syt");
        health.path("selfInspectionReport.submissions[0].difficulties").entityList(Object.class).hasSize(3);
        assertThat(health.path("selfInspectionReport.submissions[0].figures.resolvedLate").entity(Integer.class).get())
                .isEqualTo(figure(health, "resolvedLate")).isPositive();
    }

    @Test
    void selfReportsOfAPageOfPlansCostAFixedNumberOfStatements() {
        for (int i = 0; i < 3; i++) {
            Plan plan = approved("2099-12-31");
            for (String unit : List.of("NA-SYT", "NA-QUYHOP")) {
                Report report = open(plan.number(), unit);
                report = ok(run(unitHead(unit), "selfInspectionReportSave", report, contents(3, 1, 2, "Khó khăn", procedureOf(unit))),
                        "selfInspectionReportSave", "DRAFT");
                ok(run(unitHead(unit), "selfInspectionReportSubmit", report), "selfInspectionReportSubmit", "SUBMITTED");
            }
        }
        inspector().documentName("inspectionPlansSelfReports").variable("first", 1).execute();
        long before1 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlansSelfReports").variable("first", 1).execute()
                .path("inspectionPlans.nodes[*].selfReports[*].id").entityList(String.class).hasSize(2);
        long forOne = SqlStatementCounter.count() - before1;
        long before3 = SqlStatementCounter.count();
        inspector().documentName("inspectionPlansSelfReports").variable("first", 3).execute()
                .path("inspectionPlans.nodes[*].selfReports[*].simplificationProposals[*].procedure.name").entityList(String.class).hasSize(6);
        long forThree = SqlStatementCounter.count() - before3;
        System.out.println("Statements for plans' self-reports: " + forOne + " (1 plan), " + forThree + " (3 plans)");
        assertThat(forThree).as("statements for 3 plans with 6 reports").isEqualTo(forOne);
    }
}
