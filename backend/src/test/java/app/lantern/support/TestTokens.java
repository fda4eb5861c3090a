package app.lantern.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in issuer for fast tests: signs Keycloak-shaped access tokens with a key of its own and
 * serves that key as a JWKS on localhost, so the application validates them through exactly the
 * same decoder, validators and role mapping as Keycloak's. The identity tests against a real
 * Keycloak live in {@code KeycloakIT}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.lantern/realms/lantern";
    public static final String AUDIENCE = "lantern-api";

    private static final TestTokens INSTANCE = new TestTokens();

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Cannot start the test token issuer", e);
        }
    }

    public static TestTokens issuer() {
        return INSTANCE;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    /** A valid token for a staff member with the given realm roles and unit. */
    public String staff(String username, String unit, String... realmRoles) {
        return sign(claims(username, List.of(realmRoles)).claim("unit", unit).build());
    }

    /** A valid token for a citizen. */
    public String citizen(String username, String citizenId) {
        return sign(claims(username, List.of("citizen")).claim("citizen_id", citizenId).build());
    }

    /** A valid token for a partner system's service account. */
    public String partner(String clientId) {
        return sign(claims("service-account-" + clientId, List.of("partner")).claim("azp", clientId).build());
    }

    /** A valid token for a partner system that reads and writes the subtrees of the given unit codes ({@code *}: every unit). */
    public String partner(String clientId, List<String> readUnits, List<String> writeUnits) {
        return sign(claims("service-account-" + clientId, List.of("partner")).claim("azp", clientId)
                .claim("partner_units_read", readUnits).claim("partner_units_write", writeUnits).build());
    }

    public JWTClaimsSet.Builder claims(String username, List<String> realmRoles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("azp", "lantern-spa")
                .claim("realm_access", Map.of("roles", realmRoles));
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
