package app.lantern.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit head at work in headless Chromium: logs in through Keycloak, lists their unit's dossiers,
 * opens one that is being processed and asks the applicant for a supplement; the status and the
 * timeline change, and the database agrees.
 */
class DossierBrowserIT extends BrowserTestBase {


    @Autowired
    JdbcClient jdbc;

    @Test
    void unitHeadListsTheirDossiersOpensOneAndRequestsASupplement() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "dossier-supplement", () -> {
                Browser.logIn(page, app(), "/dossiers", "head.syt", "demo");

                page.getByTestId("status-tab-PROCESSING").click();
                Locator rows = page.getByTestId("dossier-row");
                assertThat(rows.first()).isVisible();
                String code = rows.first().locator("a").first().textContent().trim();
                assertThat(page.locator("body")).not().containsText("NA-DOLUONG");

                rows.first().locator("a").first().click();
                assertThat(page.getByTestId("dossier-code")).hasText(code);

                page.getByTestId("action-request-supplement").click();
                page.getByTestId("supplement-reason").fill("Thiếu bản sao giấy chứng nhận quyền sử dụng đất");
                page.getByTestId("action-submit").click();

                assertThat(page.getByTestId("dossier-status")).containsText("bổ sung");
                assertThat(page.getByTestId("dossier-timeline")).containsText("Thiếu bản sao giấy chứng nhận");
                org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("select status from dossier where receipt_code = ?").param(code).query(String.class).single())
                        .isEqualTo("SUPPLEMENT_REQUESTED");
            });
        }
    }
}
