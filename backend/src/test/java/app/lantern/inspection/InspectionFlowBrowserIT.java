package app.lantern.inspection;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6 end to end in headless Chromium, as the people do it: the lead creates a plan for the
 * Department of Health's 2025 dossiers through the wizard with a second inspector and an official of
 * another unit (the Provincial People's Committee's office), approves and starts
 * it, draws a sample of late dossiers, records a finding with a sampled late dossier as evidence and
 * issues the conclusion; the department's head finds the recommendation in their inbox, answers it
 * with a remediation plan and reports it done; the lead verifies it. Each step checks what the
 * user sees, and the database agrees at the end.
 */
class InspectionFlowBrowserIT extends BrowserTestBase {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    JdbcClient jdbc;

    @Test
    void leadRunsAPlanToAConclusionTheUnitHeadRemediatesAndTheLeadVerifies() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        LocalDate today = LocalDate.now(VIETNAM);
        String number = "E2E-" + (System.currentTimeMillis() % 1_000_000) + "/KH-TTT";
        String inspectorate = jdbc.sql("select name from unit where code = 'NA-TTT'").query(String.class).single();
        Map<String, Object> office = jdbc.sql("""
                        select o.full_name, u.name as unit from official o join unit u on u.id = o.unit_id
                        where u.code = 'NA-VPUB' order by o.id limit 1""").query().singleRow();
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            Browser.recordingFailures(page, "inspection-flow", () -> {
                // ---------------------------------------------------------------- the lead plans
                Browser.logIn(page, app(), "/plans/new", "inspector.lead", "demo");
                page.getByTestId("wizard-number").fill(number);
                page.getByTestId("wizard-title").fill("Thanh tra việc giải quyết thủ tục hành chính tại Sở Y tế năm 2025");
                page.getByTestId("wizard-issueDate").fill(today.toString());
                page.getByTestId("wizard-periodFrom").fill("2025-01-01");
                page.getByTestId("wizard-periodTo").fill("2025-12-31");
                page.getByTestId("wizard-selfReportDue").fill(today.plusDays(7).toString());
                page.getByTestId("wizard-fieldworkFrom").fill(today.toString());
                page.getByTestId("wizard-fieldworkTo").fill(today.plusDays(30).toString());
                page.getByTestId("wizard-conclusionDue").fill(today.plusDays(60).toString());
                assertThat(page.getByTestId("wizard-checklist-text").first()).not().hasValue("");
                page.getByTestId("wizard-next").click();

                pick(page, page.getByTestId("wizard-target-select"), "NA-SYT", "(NA-SYT)");
                assertThat(page.getByTestId("wizard-target")).hasCount(1);
                assertThat(page.getByTestId("wizard-target")).containsText("NA-SYT");
                page.getByTestId("wizard-next").click();

                // The lead is on the team already; another inspector joins.
                assertThat(page.getByTestId("wizard-team-member")).hasCount(1);
                assertThat(page.getByTestId("wizard-team-member")).containsText("Nguyễn Văn Thanh");
                pick(page, page.getByTestId("wizard-team-unit"), "NA-TTT", "(NA-TTT)");
                pick(page, page.getByTestId("wizard-team-official"), "Hoa", "Trần Thị Hoa");
                page.getByTestId("wizard-team-add").click();
                assertThat(page.getByTestId("wizard-team-member")).hasCount(2);
                // The team is drawn from several units: an official of the Provincial People's Committee's office joins too.
                pick(page, page.getByTestId("wizard-team-unit"), "NA-VPUB", "(NA-VPUB)");
                pick(page, page.getByTestId("wizard-team-official"), office.get("full_name").toString(), office.get("full_name").toString());
                page.getByTestId("wizard-team-add").click();
                Locator wizardTeam = page.getByTestId("wizard-team-member");
                assertThat(wizardTeam).hasCount(3);
                assertThat(wizardTeam.first()).containsText("Nguyễn Văn Thanh · " + inspectorate);
                assertThat(wizardTeam.last()).containsText(office.get("full_name") + " · " + office.get("unit"));
                page.getByTestId("wizard-next").click();

                assertThat(page.getByTestId("wizard-review-targets")).containsText("Sở Y tế");
                assertThat(page.getByTestId("wizard-review-team")).containsText("Trần Thị Hoa");
                assertThat(page.getByTestId("wizard-review-team")).containsText(office.get("full_name").toString());
                page.getByTestId("wizard-approve").check();
                page.getByTestId("wizard-create").click();

                assertThat(page.getByTestId("plan-number")).hasText(number);
                assertThat(page.getByTestId("plan-status")).hasText("Đã phê duyệt");
                Locator team = page.getByTestId("plan-team-member");
                assertThat(team).hasCount(3);
                assertThat(team.filter(new Locator.FilterOptions().setHasText(inspectorate))).hasCount(2);
                assertThat(team.filter(new Locator.FilterOptions().setHasText(office.get("unit").toString()))).hasCount(1);
                assertThat(team.filter(new Locator.FilterOptions().setHasText(office.get("unit").toString())))
                        .containsText(office.get("full_name").toString());

                page.getByTestId("plan-start").click();
                page.getByTestId("plan-transition-confirm").click();
                assertThat(page.getByTestId("plan-status")).hasText("Đang thanh tra");

                // ---------------------------------------------------------------- a sample of late dossiers
                page.getByTestId("plan-tab-samples").click();
                page.getByTestId("sample-name").fill("Hồ sơ giải quyết quá hạn Sở Y tế 2025");
                pick(page, page.getByTestId("sample-unit"), null, "Sở Y tế");
                page.getByTestId("sample-outcomes").click();
                page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Giải quyết quá hạn").setExact(true)).click();
                page.keyboard().press("Escape");
                // In the test data (4,000 dossiers) the department resolved one dossier late in 2025.
                page.getByTestId("sample-size").fill("1");
                page.getByTestId("sample-draw").click();

                Locator items = page.getByTestId("sample-detail").getByTestId("sample-item");
                assertThat(items.first()).isVisible();
                String sampled = items.first().getByRole(AriaRole.LINK).textContent().trim();
                org.assertj.core.api.Assertions.assertThat(jdbc.sql("select late from dossier where receipt_code = ?")
                        .param(sampled).query(Boolean.class).single())
                        .as("the sampled dossier %s was resolved late", sampled).isTrue();

                // ---------------------------------------------------------------- a finding with that dossier as evidence
                page.getByTestId("plan-tab-findings").click();
                page.getByTestId("finding-new").click();
                pick(page, page.getByTestId("finding-unit"), "NA-SYT", "(NA-SYT)");
                pick(page, page.getByTestId("finding-category"), null, "Giải quyết hồ sơ quá hạn");
                pick(page, page.getByTestId("finding-severity"), null, "Trung bình");
                page.getByTestId("finding-description").fill("Hồ sơ trong mẫu được giải quyết quá hạn so với thời hạn quy định.");
                page.getByTestId("evidence-note").fill("Hồ sơ trong mẫu, giải quyết quá hạn");
                page.getByTestId("evidence-dossier-code").fill(sampled);
                page.getByTestId("evidence-dossier-add").click();
                assertThat(page.getByTestId("evidence-item")).containsText(sampled);
                page.getByTestId("finding-recommendation").fill("Rà soát quy trình nội bộ và ban hành văn bản xin lỗi cho các hồ sơ quá hạn.");
                page.getByTestId("finding-deadline").fill(today.plusMonths(3).toString());
                page.getByTestId("finding-record").click();
                assertThat(page.getByTestId("finding-recorded")).containsText("Đã ghi nhận phát hiện số 1");
                Locator findingLink = page.getByTestId("finding-row").first().getByRole(AriaRole.LINK);
                assertThat(findingLink).hasText("Phát hiện 1");
                String findingPath = findingLink.getAttribute("href");

                // ---------------------------------------------------------------- the conclusion
                page.getByTestId("plan-tab-conclusion").click();
                page.getByTestId("conclusion-summary-input").fill(
                        "Sở Y tế còn để hồ sơ giải quyết quá hạn trong năm 2025; yêu cầu khắc phục theo kiến nghị tại phát hiện số 1.");
                page.getByTestId("plan-conclude").click();
                page.getByTestId("plan-conclude-confirm").click();
                assertThat(page.getByTestId("plan-status")).hasText("Đã kết luận");
                logOut(page, app());

                // ---------------------------------------------------------------- the unit head remediates
                Browser.logIn(page, app(), "/inspections", "head.syt", "demo");
                Locator recommendation = page.getByTestId("inbox-recommendation").filter(new Locator.FilterOptions().setHasText(number));
                assertThat(recommendation).hasCount(1);
                assertThat(recommendation.getByTestId("recommendation-status")).hasText("Chưa trả lời");
                assertThat(recommendation).containsText("Giải quyết hồ sơ quá hạn");
                recommendation.getByTestId("inbox-recommendation-link").click();

                assertThat(page.getByTestId("finding-title")).containsText("Phát hiện số 1");
                assertThat(page.getByTestId("evidence-dossier")).hasText(sampled);
                assertThat(page.getByTestId("followup-empty")).isVisible();
                assertThat(followUpActions(page)).hasCount(1);
                answer(page, "plan", "Sở rà soát quy trình thẩm định, bổ sung hai công chức và ban hành văn bản xin lỗi trong tháng tới.");
                assertThat(page.getByTestId("followup-notice")).hasText("Đã ghi nhận kế hoạch khắc phục.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Đang khắc phục");
                answer(page, "done", "Đã ban hành văn bản xin lỗi cho toàn bộ hồ sơ quá hạn và bổ sung hai công chức thẩm định.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Báo cáo đã xong");
                assertThat(page.getByTestId("followup-entry")).hasCount(2);
                assertThat(followUpActions(page)).hasCount(0);
                logOut(page, app());

                // ---------------------------------------------------------------- the lead verifies
                Browser.logIn(page, app(), findingPath, "inspector.lead", "demo");
                assertThat(page.getByTestId("recommendation-status")).hasText("Báo cáo đã xong");
                assertThat(page.getByTestId("followup-action-waive")).isVisible();
                answer(page, "verify", "Đoàn đã kiểm tra các văn bản xin lỗi và quyết định bổ sung công chức tại Sở.");
                assertThat(page.getByTestId("recommendation-status")).hasText("Đã xác nhận");
                Locator timeline = page.getByTestId("followup-entry");
                assertThat(timeline).hasCount(3);
                org.assertj.core.api.Assertions.assertThat(timeline.evaluateAll("entries => entries.map(e => e.dataset.kind)"))
                        .isEqualTo(List.of("PLAN", "DONE", "VERIFIED"));
                assertThat(timeline.last()).containsText("Nguyễn Văn Thanh");

                org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                                select f.recommendation_status from finding f join inspection_plan p on p.id = f.plan_id
                                where p.number = ? and f.number = 1""")
                        .param(number).query(String.class).single()).isEqualTo("VERIFIED");
            });
        }
    }

    /** Opens a Mantine select, optionally types to narrow it, and picks the option whose name contains {@code option}. */
    private static void pick(Page page, Locator select, String search, String option) {
        select.click();
        if (search != null) {
            select.fill(search);
        }
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)).first().click();
    }

    /** Writes a follow-up step's text and sends it. */
    static void answer(Page page, String action, String text) {
        page.getByTestId("followup-action-" + action).click();
        page.getByTestId("followup-text").fill(text);
        page.getByTestId("followup-submit").click();
        assertThat(page.getByTestId("followup-notice")).isVisible();
    }

    static Locator followUpActions(Page page) {
        return page.locator("[data-testid^='followup-action-']");
    }

    /** Logs out through the app's button and waits for the anonymous home page. */
    static void logOut(Page page, String app) {
        page.getByTestId("logout").click();
        page.waitForURL(url -> url.startsWith(app));
        assertThat(page.getByTestId("login")).isVisible();
    }
}
