package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The lead's draft of the conclusion's summary: saved on the server, read by the team, taken when the conclusion is issued. */
class ConclusionDraftIT extends FindingTestBase {

    private static final String SAVE = "inspectionConclusionDraftSave";

    private GraphQlTester.Response save(HttpGraphQlTester caller, PlanRef plan, String summary, int version) {
        return caller.documentName("inspectionConclusionDraft").operationName(SAVE)
                .variable("input", input("planId", plan.id(), "summary", summary, "version", version)).execute();
    }

    private GraphQlTester.Response read(HttpGraphQlTester caller, PlanRef plan) {
        return caller.documentName("inspectionConclusionDraft").operationName("conclusionDraft").variable("number", plan.number()).execute();
    }

    private long audits(PlanRef plan) {
        return jdbc.sql("select count(*) from audit_record where action = 'inspectionPlan.saveConclusionDraft' and object_id = :n")
                .param("n", plan.number()).query(Long.class).single();
    }

    private static void refused(GraphQlTester.Response r, String code, String... field) {
        r.path(SAVE + ".userErrors[*].code").entityList(String.class).containsExactly(code);
        if (field.length > 0) {
            r.path(SAVE + ".userErrors[0].field").entityList(String.class).containsExactly(field);
        }
        r.path(SAVE + ".conclusionDraft").valueIsNull();
    }

    @Test
    void theLeadSavesTheDraftAndTheTeamReadsIt() {
        PlanRef plan = planInFieldwork();
        read(inspector(), plan).path("inspectionPlan.conclusionDraft").valueIsNull();

        GraphQlTester.Response first = save(inspector(), plan, "  Các đơn vị cơ bản thực hiện đúng quy định.  ", 0);
        first.path(SAVE + ".userErrors").entityList(Object.class).hasSize(0);
        first.path(SAVE + ".conclusionDraft.summary").entity(String.class).isEqualTo("Các đơn vị cơ bản thực hiện đúng quy định.");
        first.path(SAVE + ".conclusionDraft.updatedBy").entity(String.class).isEqualTo("inspector.lead");
        first.path(SAVE + ".conclusionDraft.version").entity(Integer.class).isEqualTo(1);
        GraphQlTester.Response second = save(inspector(), plan, "Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.", 1);
        second.path(SAVE + ".conclusionDraft.version").entity(Integer.class).isEqualTo(2);

        // a member of the team reads it, like the lead; the plan's number is what the audit log names
        for (HttpGraphQlTester team : List.of(inspector(), hoa())) {
            GraphQlTester.Response r = read(team, plan);
            r.path("inspectionPlan.conclusionDraft.summary").entity(String.class)
                    .isEqualTo("Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.");
            r.path("inspectionPlan.conclusionDraft.version").entity(Integer.class).isEqualTo(2);
            r.path("inspectionPlan.conclusionDraft.updatedAt").hasValue();
        }
        assertThat(audits(plan)).isEqualTo(2);
        assertThat(jdbc.sql("select details ->> 'length' from audit_record where action = 'inspectionPlan.saveConclusionDraft'"
                + " and object_id = :n order by id desc limit 1").param("n", plan.number()).query(String.class).single())
                .isEqualTo(String.valueOf("Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.".length()));
        // administrators are not on the team: neither the plan nor its draft reach them
        read(admin(), plan).path("inspectionPlan").valueIsNull();
    }

    @Test
    void onlyTheLeadSavesAndEveryoneElseIsRefused() {
        PlanRef plan = planInFieldwork();
        refusedWith(save(hoa(), plan, "Bản nháp của thành viên đoàn", 0), ErrorType.FORBIDDEN, "");
        for (HttpGraphQlTester refused : List.of(unitHead("NA-SYT"), unitHead("NA-QUYHOP"), admin(), citizen(), partner())) {
            refusedWith(save(refused, plan, "Bản nháp không được phép", 0), ErrorType.FORBIDDEN, "");
        }
        refusedWith(save(anonymous(), plan, "Bản nháp không được phép", 0), ErrorType.UNAUTHORIZED, "");
        refused(save(otherInspector(), plan, "Bản nháp của đoàn khác", 0), "NOT_FOUND", "input", "planId");
        refused(save(inspector(), new PlanRef("not-an-id", 0, plan.number()), "Bản nháp", 0), "NOT_FOUND", "input", "planId");
        assertThat(audits(plan)).isZero();
        read(inspector(), plan).path("inspectionPlan.conclusionDraft").valueIsNull();

        // a target unit's head sees the approved plan's own part, never the team's draft
        save(inspector(), plan, "Bản nháp của trưởng đoàn", 0).path(SAVE + ".userErrors").entityList(Object.class).hasSize(0);
        read(unitHead("NA-SYT"), plan).path("inspectionPlan.conclusionDraft").valueIsNull();
        read(otherInspector(), plan).path("inspectionPlan").valueIsNull();
    }

    @Test
    void aStaleOrTooLongSaveStoresNothingWithAnErrorNamingTheField() {
        PlanRef plan = planInFieldwork();
        save(inspector(), plan, "Bản nháp thứ nhất", 0).path(SAVE + ".userErrors").entityList(Object.class).hasSize(0);
        GraphQlTester.Response again = save(inspector(), plan, "Bản nháp từ một cửa sổ khác", 0);
        refused(again, "CONCURRENT_MODIFICATION", "input", "version");
        again.path(SAVE + ".userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("inspector.lead", "version 0, now 1"));
        refused(save(inspector(), plan, "Bản nháp cũ", 5), "CONCURRENT_MODIFICATION", "input", "version");
        GraphQlTester.Response tooLong = save(inspector(), plan, "x".repeat(50_001), 1);
        refused(tooLong, "TOO_LONG", "input", "summary");
        tooLong.path(SAVE + ".userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("50001", "50000"));
        read(hoa(), plan).path("inspectionPlan.conclusionDraft.summary").entity(String.class).isEqualTo("Bản nháp thứ nhất");
        assertThat(audits(plan)).isEqualTo(1);
        // the longest summary a conclusion takes is a draft too
        save(inspector(), plan, "x".repeat(50_000), 1).path(SAVE + ".conclusionDraft.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void issuingTheConclusionTakesTheSavedDraftAndTheDraftIsFixedAfterwards() {
        PlanRef plan = planInFieldwork();
        record(plan, "NA-SYT");
        save(inspector(), plan, "Sở Y tế còn để hồ sơ quá hạn; yêu cầu khắc phục theo kiến nghị.", 0);

        GraphQlTester.Response concluded = planStep(inspector(), "inspectionPlanConclude", v(current(plan)));
        concluded.path("inspectionPlanConclude.userErrors").entityList(Object.class).hasSize(0);
        concluded.path("inspectionPlanConclude.inspectionPlan.status").entity(String.class).isEqualTo("CONCLUDED");
        concluded.path("inspectionPlanConclude.inspectionPlan.conclusion.summary").entity(String.class)
                .isEqualTo("Sở Y tế còn để hồ sơ quá hạn; yêu cầu khắc phục theo kiến nghị.");

        GraphQlTester.Response after = save(inspector(), plan, "Sửa sau khi đã ban hành kết luận", 1);
        refused(after, "PLAN_NOT_IN_PROGRESS");
        after.path(SAVE + ".userErrors[0].field").valueIsNull();
        assertThat(audits(plan)).isEqualTo(1);

        // a summary given when issuing wins over the draft
        PlanRef other = planInFieldwork();
        save(inspector(), other, "Bản nháp chưa dùng", 0);
        planStep(inspector(), "inspectionPlanConclude", v(current(other), "summary", "Kết luận viết khi ban hành"))
                .path("inspectionPlanConclude.inspectionPlan.conclusion.summary").entity(String.class).isEqualTo("Kết luận viết khi ban hành");
        // without a draft and without a summary there is nothing to issue
        PlanRef bare = planInFieldwork();
        GraphQlTester.Response none = planStep(inspector(), "inspectionPlanConclude", v(current(bare)));
        none.path("inspectionPlanConclude.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
        none.path("inspectionPlanConclude.userErrors[0].field").entityList(String.class).containsExactly("input", "summary");
        save(inspector(), bare, "   ", 0);
        planStep(inspector(), "inspectionPlanConclude", v(current(bare))).path("inspectionPlanConclude.userErrors[0].code").entity(String.class)
                .isEqualTo("REQUIRED");
        assertThat(count("select count(*) from inspection_conclusion c join inspection_plan p on p.id = c.plan_id where p.number = '"
                + bare.number() + "'")).isZero();
    }
}
