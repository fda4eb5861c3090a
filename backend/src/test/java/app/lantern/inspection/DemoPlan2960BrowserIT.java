package app.lantern.inspection;

import static app.lantern.inspection.InspectionFlowBrowserIT.answer;
import static app.lantern.inspection.InspectionFlowBrowserIT.followUpActions;
import static app.lantern.inspection.InspectionFlowBrowserIT.logOut;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's Plan 2960/KH-TTCP run from fieldwork to closing through the SPA, as the demo's
 * accounts do it: the lead drafts the conclusion (saved on the server, still there after a reload),
 * issues it and begins follow-up; Quỳ Hợp's head finds the recommendation of the demo finding on
 * their district in their inbox and answers it with a remediation plan, then reports it done; a
 * member of the team verifies it; the lead waives the Department of Health's recommendation with a
 * reason and closes the plan. Only this browser test touches plan 2960.
 */
class DemoPlan2960BrowserIT extends BrowserTestBase {

    private static final String NUMBER = "2960/KH-TTCP";
    private static final String PLAN_PATH = "/plans/2960%2FKH-TTCP";
    private static final String SUMMARY = "Các đơn vị được thanh tra cơ bản thực hiện đúng quy định về giải quyết thủ tục hành chính;"
            + " huyện Quỳ Hợp còn để hồ sơ đất đai quá hạn, Sở Y tế chưa ban hành văn bản xin lỗi đối với hồ sơ quá hạn.";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoPlanRunsFromFieldworkToClosedThroughTheSpa() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        assertThat(jdbc.sql("select status from inspection_plan where number = ?").param(NUMBER).query(String.class).single())
                .as("the demo plan is in fieldwork when the test starts").isEqualTo("IN_PROGRESS");
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            Browser.recordingFailures(page, "demo-plan-2960", () -> {
                // ---------------------------------------------------------------- the lead finds the plan
                Browser.logIn(page, app(), "/plans", "inspector.lead", "demo");
                openFromList(page, "Đang thanh tra");
                assertThat(page.getByTestId("plan-targets")).containsText("Quỳ Hợp");
                assertThat(page.getByTestId("plan-targets")).containsText("Sở Y tế");

                // the two demo findings, both awaiting the conclusion
                page.getByTestId("plan-tab-findings").click();
                Locator findings = page.getByTestId("finding-row");
                assertThat(findings).hasCount(2);
                assertThat(findings.nth(0)).containsText("Quỳ Hợp");
                assertThat(findings.nth(1)).containsText("Sở Y tế");
                String quyHopFinding = findings.nth(0).getByRole(AriaRole.LINK).getAttribute("href");
                String healthFinding = findings.nth(1).getByRole(AriaRole.LINK).getAttribute("href");

                // ---------------------------------------------------------------- the conclusion, drafted then issued
                page.getByTestId("plan-tab-conclusion").click();
                assertThat(page.getByTestId("conclusion-draft-saved")).hasText("Chưa lưu bản nháp nào.");
                page.getByTestId("conclusion-summary-input").fill(SUMMARY);
                assertThat(page.getByTestId("conclusion-draft-unsaved")).isVisible();
                assertThat(page.getByTestId("conclusion-summary")).hasText(SUMMARY);
                page.getByTestId("conclusion-draft-save").click();
                assertThat(page.getByTestId("conclusion-draft-saved")).containsText("Bản nháp do Nguyễn Văn Thanh lưu lúc");
                // the draft is on the server: reloading the plan's page (its number's slash encoded in the address) shows it again
                org.assertj.core.api.Assertions.assertThat(page.url()).contains("/plans/2960%2FKH-TTCP").contains("tab=conclusion");
                page.reload();
                assertThat(page.getByTestId("conclusion-summary-input")).hasValue(SUMMARY);
                assertThat(page.getByTestId("conclusion-draft-saved")).containsText("Nguyễn Văn Thanh");
                page.getByTestId("plan-conclude").click();
                assertThat(page.getByRole(AriaRole.DIALOG)).containsText("với 2 phát hiện");
                page.getByTestId("plan-conclude-confirm").click();
                assertThat(page.getByTestId("plan-status")).hasText("Đã kết luận");
                assertThat(page.getByTestId("conclusion-state")).containsText("Nguyễn Văn Thanh ban hành lúc");
                assertThat(page.getByTestId("conclusion-summary")).hasText(SUMMARY);

                page.getByTestId("plan-tab-overview").click();
                page.getByTestId("plan-follow-up").click();
                page.getByTestId("plan-transition-confirm").click();
                assertThat(page.getByTestId("plan-status")).hasText("Theo dõi khắc phục");
                logOut(page, app());

                // ---------------------------------------------------------------- Quỳ Hợp's head answers
                Browser.logIn(page, app(), "/inspections", "head.quyhop", "demo");
                Locator recommendation = page.getByTestId("inbox-recommendation").filter(new Locator.FilterOptions().setHasText(NUMBER));
                assertThat(recommendation).hasCount(1);
                assertThat(recommendation).containsText("Giải quyết hồ sơ quá hạn");
                assertThat(recommendation.getByTestId("recommendation-status")).hasText("Chưa trả lời");
                recommendation.getByTestId("inbox-recommendation-link").click();
                assertThat(page.getByTestId("finding-title")).containsText("Phát hiện số 1");
                assertThat(page.getByTestId("finding-description")).containsText("huyện Quỳ Hợp");
                answer(page, "plan", "Huyện rà soát quy trình nội bộ, phân công lại công chức bộ phận đất đai trong quý này.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Đang khắc phục");
                answer(page, "done", "Đã phân công lại công chức và giải quyết xong toàn bộ hồ sơ đất đai tồn đọng.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Báo cáo đã xong");
                assertThat(followUpActions(page)).hasCount(0);
                // the Department of Health's finding is not Quỳ Hợp's business
                page.navigate(app() + healthFinding);
                assertThat(page.getByTestId("finding-not-found")).isVisible();
                logOut(page, app());

                // ---------------------------------------------------------------- a member of the team verifies
                Browser.logIn(page, app(), quyHopFinding, "inspector.hoa", "demo");
                assertThat(page.getByTestId("recommendation-status")).hasText("Báo cáo đã xong");
                assertThat(page.getByTestId("followup-action-waive")).hasCount(0);
                answer(page, "verify", "Đoàn đã kiểm tra sổ theo dõi và quyết định phân công lại công chức tại huyện.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Đã xác nhận");
                assertThat(page.getByTestId("followup-entry")).hasCount(3);
                logOut(page, app());

                // ---------------------------------------------------------------- the lead waives the other and closes
                Browser.logIn(page, app(), healthFinding, "inspector.lead", "demo");
                assertThat(page.getByTestId("recommendation-status")).hasText("Chưa trả lời");
                answer(page, "waive", "Sở Y tế đã được kiểm tra lại theo Kế hoạch 418/KH-TTT, kiến nghị này được theo dõi tại đó.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Miễn thực hiện");
                page.navigate(app() + "/plans");
                openFromList(page, "Theo dõi khắc phục");
                page.getByTestId("plan-close").click();
                page.getByTestId("plan-transition-confirm").click();
                assertThat(page.getByTestId("plan-status")).hasText("Đã kết thúc");
                assertThat(page.getByTestId("plan-close")).hasCount(0);
                page.getByTestId("plan-tab-findings").click();
                assertThat(page.getByTestId("finding-row").nth(0)).containsText("Đã xác nhận");
                assertThat(page.getByTestId("finding-row").nth(1)).containsText("Miễn thực hiện");
            });
        }

        // ---------------------------------------------------------------- and the database agrees
        long plan = jdbc.sql("select id from inspection_plan where number = ?").param(NUMBER).query(Long.class).single();
        assertThat(jdbc.sql("select status from inspection_plan where id = ?").param(plan).query(String.class).single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select summary from inspection_conclusion where plan_id = ?").param(plan).query(String.class).single())
                .isEqualTo(SUMMARY);
        assertThat(jdbc.sql("select summary || '|' || updated_by_username from inspection_conclusion_draft where plan_id = ?").param(plan)
                .query(String.class).single()).isEqualTo(SUMMARY + "|inspector.lead");
        assertThat(jdbc.sql("select u.code || ':' || f.recommendation_status from finding f join unit u on u.id = f.unit_id"
                + " where f.plan_id = ? order by f.number").param(plan).query(String.class).list())
                .containsExactly("NA-QUYHOP:VERIFIED", "NA-SYT:WAIVED");
        List<Map<String, Object>> timeline = jdbc.sql("select e.kind, e.by_username from finding_follow_up e join finding f on f.id = e.finding_id"
                + " where f.plan_id = ? order by f.number, e.id").param(plan).query().listOfRows();
        assertThat(timeline).extracting(r -> r.get("kind") + " " + r.get("by_username")).containsExactly(
                "PLAN head.quyhop", "DONE head.quyhop", "VERIFIED inspector.hoa", "WAIVED inspector.lead");
        assertThat(jdbc.sql("select action from audit_record where object_id = ? and action like 'inspectionPlan.%' order by id")
                .param(NUMBER).query(String.class).list()).containsExactly("inspectionPlan.saveConclusionDraft", "inspectionPlan.conclude",
                "inspectionPlan.begin_follow_up", "inspectionPlan.close");
    }

    /**
     * Opens the plan from the list at /plans, checking its status there and on its page. (The plan's
     * own address holds an encoded slash, which the server refuses on a full page load: the app is
     * entered through the list, as a user would.)
     */
    private static void openFromList(Page page, String status) {
        Locator row = page.getByTestId("plan-row").filter(new Locator.FilterOptions().setHasText(NUMBER));
        assertThat(row).hasCount(1);
        assertThat(row.getByTestId("plan-status")).hasText(status);
        row.getByTestId("plan-number").click();
        page.waitForURL(url -> url.endsWith(PLAN_PATH));
        // the list's rows carry plan numbers too: read the page once the plan's tabs replaced the list
        assertThat(page.getByTestId("plan-tab-overview")).isVisible();
        assertThat(page.getByTestId("plan-table")).hasCount(0);
        assertThat(page.getByTestId("plan-number")).hasText(NUMBER);
        assertThat(page.getByTestId("plan-status")).hasText(status);
    }
}
