package app.lantern.identity;

import app.lantern.support.GraphQlTestSupport;
import app.lantern.support.keycloak.KeycloakServer;
import app.lantern.support.keycloak.KeycloakTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid tokens keep working while Keycloak is unreachable: the application reaches Keycloak's
 * signing keys only through a relay that this test cuts after the first request.
 */
class KeycloakOutageIT extends GraphQlTestSupport {

    private static final AtomicInteger KEY_FETCHES = new AtomicInteger();
    private static HttpServer relay;

    @DynamicPropertySource
    static void keysThroughARelay(DynamicPropertyRegistry registry) throws IOException {
        KeycloakServer keycloak = KeycloakServer.shared();
        String certs = keycloak.issuerUri() + "/protocol/openid-connect/certs";
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/certs", exchange -> {
            KEY_FETCHES.incrementAndGet();
            try {
                HttpResponse<byte[]> upstream = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(certs)).build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(upstream.statusCode(), upstream.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(upstream.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        relay.start();
        registry.add("lantern.security.issuer", keycloak::issuerUri);
        registry.add("lantern.security.jwk-set-uri", () -> "http://127.0.0.1:" + relay.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stopRelay() {
        relay.stop(0);
    }

    @Test
    void tokensStillValidateWhenKeycloakCannotBeReached() {
        KeycloakTokens keycloak = KeycloakTokens.forShared();
        String before = keycloak.userToken("inspector.lead", "demo").accessToken();
        String issuedBeforeTheOutage = keycloak.userToken("head.quyhop", "demo").accessToken();
        as(before).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("inspector.lead");
        assertThat(KEY_FETCHES.get()).as("keys fetched through the relay").isGreaterThanOrEqualTo(1);

        relay.stop(0); // Keycloak is now unreachable for the application

        as(before).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("inspector.lead");
        as(issuedBeforeTheOutage).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("head.quyhop");
    }
}
