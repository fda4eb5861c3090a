package app.lantern.support;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real HTTP to the running application, one GraphQL tester per caller. Subclasses decide which
 * issuer the application trusts: {@link ApiTestBase} (the test issuer) or {@link KeycloakTestBase}.
 */
@IntegrationTest
public abstract class GraphQlTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.context.ApplicationContext context;

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
}
