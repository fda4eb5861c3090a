package app.lantern.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.keycloak.KeycloakServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person in headless Chromium: opens the SPA, is sent to Keycloak's login page, logs in as the
 * lead inspector, sees their name, role and unit, and logs out. The application runs on port
 * 18080, one of the redirect URIs the realm allows.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=18080")
class BrowserLoginIT {

    static final String APP = "http://localhost:18080";
    static Browser browser;

    @DynamicPropertySource
    static void useRealKeycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("lantern.security.issuer", keycloak::issuerUri);
        registry.add("lantern.security.jwk-set-uri", () -> "");
        registry.add("lantern.spa.keycloak-url", keycloak::baseUrl);
    }

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void inspectorLogsInThroughKeycloakSeesTheirNameAndLogsOut() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "inspector-login", () -> {
            page.navigate(APP + "/me");

            page.waitForURL(url -> url.contains("/realms/lantern/protocol/openid-connect/auth"));
            page.locator("#username").fill("inspector.lead");
            page.locator("#password").fill("demo");
            page.locator("#kc-login").click();

            page.waitForURL(url -> url.startsWith(APP));
            assertThat(page.getByTestId("user-name")).hasText("Nguyễn Văn Thanh");
            assertThat(page.getByTestId("user-unit")).containsText("NA-TTT");
            assertThat(page.locator("body")).containsText("inspector.lead");

            page.getByTestId("logout").click();
            page.waitForURL(url -> url.startsWith(APP));
            assertThat(page.getByTestId("login")).isVisible();
            assertThat(page.getByTestId("user-name")).hasCount(0);
            });
        }
    }

    @Test
    void publicHomePageNeedsNoLogin() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            page.navigate(APP + "/");
            assertThat(page.getByTestId("login")).isVisible();
            assertThat(page).hasURL(APP + "/");
        }
    }
}
