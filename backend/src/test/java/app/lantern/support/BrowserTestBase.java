package app.lantern.support;

import app.lantern.support.keycloak.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of browser tests: the application trusting the test run's real Keycloak, and one headless
 * Chromium per class. The application listens on port 18080: keycloak-js calls Keycloak's token
 * endpoint cross-origin, and the realm's web origins allow that port (not random ones). Every
 * browser test extends this class unchanged, so they share one application context.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=18080")
public abstract class BrowserTestBase {

    protected static final String APP = "http://localhost:18080";

    protected static Browser browser;

    @DynamicPropertySource
    static void trustTheTestKeycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("lantern.security.issuer", keycloak::issuerUri);
        registry.add("lantern.spa.keycloak-url", keycloak::baseUrl);
        registry.add("lantern.security.jwk-set-uri", () -> keycloak.issuerUri() + "/protocol/openid-connect/certs");
    }

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** The application's base URL as the browser reaches it. */
    protected String app() {
        return APP;
    }
}
