package app.lantern.indicator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A visitor reads the published delays lists without logging in. An inspector in headless Chromium opens the province's Decision 766 dashboard for 2023, goes down
 * the ranking to the Department of Health, opens the numerator of "dossiers resolved on time" and
 * finds there as many dossiers as the scorecard counted, each leading to its own page.
 */
class IndicatorDashboardBrowserIT extends BrowserTestBase {

    @Test
    void inspectorDrillsDownFromTheProvinceToTheDossiersBehindAnIndicator() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "indicator-drill-down", () -> {
                Browser.logIn(page, app(), "/dashboard?period=year&y=2023", "inspector.lead", "demo");

                // The province, scored: a gauge with the total and its band, the rule set in force.
                assertThat(page.getByTestId("scorecard-gauge")).isVisible();
                assertThat(page.getByTestId("scorecard-facts")).containsText("Tỉnh Nghệ An (NA)");
                assertThat(page.getByTestId("scorecard-facts")).containsText("01/01/2023 – 31/12/2023");
                assertThat(page.getByTestId("scorecard-ruleset")).containsText("766");
                assertThat(page.getByTestId("group-bar")).hasCount(6);

                // Province → unit: the ranking links each unit to its own dashboard.
                page.getByTestId("dashboard-tab-ranking").click();
                Locator health = page.locator("[data-testid=ranking-row][data-unit=NA-SYT]");
                assertThat(health).isVisible();
                health.getByTestId("ranking-unit").click();
                assertThat(page.getByTestId("scorecard-facts")).containsText("(NA-SYT)");

                // Unit → indicator → the dossiers behind its numerator.
                Locator onTime = page.locator("[data-testid=indicator-row][data-code=DOSSIERS_RESOLVED_ON_TIME]");
                Locator numerator = onTime.getByTestId("indicator-numerator");
                assertThat(numerator).hasAttribute("href", Pattern.compile(".*/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME\\?unit=.*period=year&y=2023.*"));
                String counted = numerator.textContent().trim();
                numerator.click();

                assertThat(page.getByTestId("indicator-title")).isVisible();
                assertThat(page.getByTestId("indicator-unit")).containsText("Sở Y tế");
                Locator rows = page.getByTestId("dossier-row");
                assertThat(rows.first()).isVisible();
                assertThat(page.getByTestId("total-count")).containsText("tổng số " + counted);

                Locator first = rows.first().getByTestId("dossier-link");
                String code = first.textContent().trim();
                first.click();
                assertThat(page.getByTestId("dossier-code")).hasText(code);
            });
        }
    }

    @Test
    void aVisitorReadsThePublishedDelaysListsWithoutLoggingIn() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "public-delays", () -> {
                page.navigate(app() + "/public/delays");
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Danh sách cán bộ để hồ sơ chậm muộn đã công khai"))).isVisible();
                assertThat(page.getByTestId("public-total")).containsText("danh sách đã công khai");
                assertThat(page.getByTestId("login")).isVisible();
                assertThat(page).hasURL(app() + "/public/delays");
            });
        }
    }
}
