package app.lantern.shared.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which access tokens Lantern accepts.
 *
 * @param issuer    the Keycloak realm's issuer URL ({@code iss} must equal it)
 * @param jwkSetUri where the realm's signing keys are; empty means the issuer's certs endpoint
 * @param audience  value that {@code aud} must contain
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
 */
@ConfigurationProperties("lantern.security")
public record TokenProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew) {

    public TokenProperties {
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
    }

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
