package app.lantern.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * A person in headless Chromium: opens the SPA, is sent to Keycloak's login page, logs in as the
 * lead inspector, sees their name, role and unit, and logs out.
 */
class BrowserLoginIT extends BrowserTestBase {


    @Test
    void inspectorLogsInThroughKeycloakSeesTheirNameAndLogsOut() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "inspector-login", () -> {
            Browser.logIn(page, app(), "/me", "inspector.lead", "demo");
            assertThat(page.getByTestId("user-name")).hasText("Nguyễn Văn Thanh");
            assertThat(page.getByTestId("user-unit")).containsText("NA-TTT");
            assertThat(page.locator("body")).containsText("inspector.lead");

            page.getByTestId("logout").click();
            page.waitForURL(url -> url.startsWith(app()));
            assertThat(page.getByTestId("login")).isVisible();
            assertThat(page.getByTestId("user-name")).hasCount(0);
            });
        }
    }

    @Test
    void publicHomePageNeedsNoLogin() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            page.navigate(app() + "/");
            assertThat(page.getByTestId("login")).isVisible();
            assertThat(page).hasURL(app() + "/");
        }
    }
}
