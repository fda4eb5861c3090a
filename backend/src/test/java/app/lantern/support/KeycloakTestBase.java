package app.lantern.support;

import app.lantern.support.keycloak.KeycloakServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests against the real Keycloak of this test run ({@link KeycloakServer#shared()}): the
 * application trusts its {@code lantern} realm, as it does in production.
 */
public abstract class KeycloakTestBase extends GraphQlTestSupport {

    @DynamicPropertySource
    static void trustTheTestKeycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("lantern.security.issuer", keycloak::issuerUri);
        registry.add("lantern.spa.keycloak-url", keycloak::baseUrl);
        registry.add("lantern.security.jwk-set-uri", KeycloakTestBase::signingKeysUri);
    }

    /** Where the application fetches signing keys; a subclass's own property source may point elsewhere. */
    protected static String signingKeysUri() {
        return KeycloakServer.shared().issuerUri() + "/protocol/openid-connect/certs";
    }
}
