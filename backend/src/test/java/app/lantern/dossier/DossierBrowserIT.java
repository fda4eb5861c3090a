package app.lantern.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.keycloak.KeycloakServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A unit head at work in headless Chromium: logs in through Keycloak, lists their unit's dossiers,
 * opens one that is being processed and asks the applicant for a supplement; the status and the
 * timeline change, and the database agrees.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=18080")
class DossierBrowserIT {

    static final String APP = "http://localhost:18080";
    static Browser browser;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void useRealKeycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("lantern.security.issuer", keycloak::issuerUri);
        registry.add("lantern.security.jwk-set-uri", () -> keycloak.issuerUri() + "/protocol/openid-connect/certs");
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
    void unitHeadListsTheirDossiersOpensOneAndRequestsASupplement() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "dossier-supplement", () -> {
                Browser.logIn(page, APP, "/dossiers", "head.syt", "demo");

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
