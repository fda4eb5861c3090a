package app.lantern.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.Application;
import app.lantern.support.ApiTestBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two Lantern instances behind one PostgreSQL, as behind a load balancer: the test's application
 * and a second one started on a random port against the same database. Their throttle is one.
 */
class ThrottleAcrossInstancesIT extends ApiTestBase {

    private static ConfigurableApplicationContext second;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startSecondInstance() throws SQLException {
        jdbc.sql("delete from request_throttle").update();
        if (second == null) {
            String url;
            String user;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
                user = connection.getMetaData().getUserName();
            }
            second = new SpringApplicationBuilder(Application.class).profiles("test").properties(Map.of(
                    "server.port", "0",
                    "spring.datasource.url", url,
                    "spring.datasource.username", user,
                    "spring.datasource.hikari.maximum-pool-size", "5",
                    "lantern.demo.enabled", "false",
                    "lantern.security.jwk-set-uri", tokens().jwkSetUri())).run();
        }
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private WebTestClient secondHttp() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private String code() {
        return jdbc.sql("select receipt_code from dossier where identity_number = '040190000123' order by id limit 1")
                .query(String.class).single();
    }

    private static boolean throttled(String json) {
        return json.contains("RATE_LIMITED");
    }

    @Test
    void attemptsOnEitherInstanceCountTowardsOneLimit() {
        String code = code();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            WebTestClient instance = i % 2 == 0 ? http() : secondHttp();
            answers.add(PublicApi.post(instance, "dossierLookup", Map.of("receiptCode", code, "secondFactor", "WRONG" + i), null));
        }
        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a).isEqualTo("{\"data\":{\"dossierLookup\":null}}"));
        assertThat(answers.get(5)).as("the sixth attempt, on the second instance").contains("RATE_LIMITED").contains("retryAfterSeconds");
        // and the first instance agrees
        assertThat(throttled(PublicApi.post(http(), "dossierLookup", Map.of("receiptCode", code, "secondFactor", "LANTERNDEMO"), null)))
                .isTrue();
    }

    @Test
    void concurrentAttemptsOnBothInstancesGetExactlyTheAllowance() throws Exception {
        String code = code();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                WebTestClient instance = i % 2 == 0 ? http() : secondHttp();
                String factor = "WRONG" + i;
                calls.add(() -> PublicApi.post(instance, "dossierLookup", Map.of("receiptCode", code, "secondFactor", factor), null));
            }
            long allowed = 0;
            for (Future<String> answer : pool.invokeAll(calls)) {
                allowed += throttled(answer.get()) ? 0 : 1;
            }
            assertThat(allowed).as("5 attempts a minute per address, whichever instance they reach").isEqualTo(5);
        } finally {
            pool.shutdown();
        }
    }
}
