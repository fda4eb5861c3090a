package app.lantern.support;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of API tests: real HTTP to the running application, one tester per caller. */
@IntegrationTest
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.context.ApplicationContext context;

    @DynamicPropertySource
    static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("lantern.security.jwk-set-uri", () -> TestTokens.issuer().jwkSetUri());
    }

    protected static TestTokens tokens() {
        return TestTokens.issuer();
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A tester that sends no token. */
    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    /** A tester that sends the given bearer token. */
    protected HttpGraphQlTester as(String token) {
        return anonymous().mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    protected HttpGraphQlTester inspector() {
        return as(tokens().staff("inspector.lead", "NA-TTT", "inspector"));
    }

    protected HttpGraphQlTester admin() {
        return as(tokens().staff("admin", "NA-UBND", "admin"));
    }

    protected HttpGraphQlTester unitHead(String unit) {
        return as(tokens().staff("head." + unit.toLowerCase(), unit, "unit_head"));
    }

    protected HttpGraphQlTester citizen() {
        return as(tokens().citizen("citizen", "040190000123"));
    }

    protected HttpGraphQlTester partner() {
        return as(tokens().partner("lantern-partner-demo"));
    }
}
