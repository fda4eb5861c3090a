package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.Application;
import app.lantern.support.ApiTestBase;
import app.lantern.support.TestTokens;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@code dossierStatusChanged} over WebSocket ({@code graphql-transport-ws}) with the token in the
 * {@code connection_init} payload: a change written through one application instance reaches a
 * subscriber of another instance on the same database, within the subscriber's units only. The
 * second instance also shows that partner limits are one budget across instances.
 */
class DossierSubscriptionIT extends ApiTestBase {

    private static final String SUBSCRIPTION = """
            subscription($units: [ID!]) {
              dossierStatusChanged(units: $units) { receiptCode fromStatus toStatus version unit { code } dossier { status } }
            }""";

    private static ConfigurableApplicationContext second;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    /** A second instance of the application on this test's database, with its own port. */
    private int secondInstancePort() {
        if (second == null) {
            HikariDataSource hikari;
            try {
                hikari = dataSource.unwrap(HikariDataSource.class);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            // command-line arguments: they take precedence over application.yaml, as they would on a server
            second = new SpringApplicationBuilder(Application.class).profiles("test").run(
                    "--spring.datasource.url=" + hikari.getJdbcUrl(),
                    "--spring.datasource.username=" + hikari.getUsername(),
                    "--server.port=0",
                    "--lantern.demo.enabled=false",
                    "--lantern.security.jwk-set-uri=" + TestTokens.issuer().jwkSetUri());
        }
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private static WebSocketGraphQlClient client(int port, String token) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Test
    void aStatusChangeWrittenThroughOneInstanceReachesASubscriberOfAnother() throws Exception {
        int portB = secondInstancePort();
        List<Map<String, Object>> ngheAnSees = new CopyOnWriteArrayList<>();
        List<Map<String, Object>> stnmtOnlySees = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient ngheAnClient = client(portB, tokens().partner("lantern-partner-nghean", List.of("NA"), List.of("NA")));
        WebSocketGraphQlClient stnmtClient = client(portB, tokens().partner("lantern-partner-stnmt", List.of("NA-STNMT"), List.of()));
        Disposable a = ngheAnClient.document(SUBSCRIPTION).retrieveSubscription("dossierStatusChanged").toEntity(Map.class)
                .subscribe(m -> ngheAnSees.add(m));
        Disposable b = stnmtClient.document(SUBSCRIPTION).retrieveSubscription("dossierStatusChanged").toEntity(Map.class)
                .subscribe(m -> stnmtOnlySees.add(m));
        try {
            Thread.sleep(2500); // the relay of instance B starts reading when its first subscriber arrives

            String code = (String) jdbc.sql("""
                            select p.national_code from procedure p join unit u on u.id = p.unit_id
                            where u.code = 'NA-SYT' and p.review_state <> 'ABOLISHED' order by p.national_code limit 1""")
                    .query(String.class).single();
            String id = DossierSyncIT.id();
            // written through instance A (this test's application)
            DossierSyncIT.sync(ngheAn(), "nghean-dvc", List.of(Map.of("externalId", id, "receiptCode", "SYNC-" + id, "unitCode", "NA-SYT",
                            "procedureCode", code, "applicant", Map.of("kind", "PERSON", "name", "Lê Văn Hùng"), "channel", "DIRECT",
                            "events", List.of(DossierSyncIT.event("RECEIVE", DossierSyncIT.MONDAY),
                                    DossierSyncIT.event("ADVANCE", DossierSyncIT.MONDAY.plusSeconds(600))))))
                    .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("CREATED");

            awaitUntil(() -> ngheAnSees.stream().anyMatch(m -> ("SYNC-" + id).equals(m.get("receiptCode"))), Duration.ofSeconds(15));
            assertThat(ngheAnSees).filteredOn(m -> ("SYNC-" + id).equals(m.get("receiptCode")))
                    .singleElement().satisfies(m -> {
                        assertThat(m.get("toStatus")).isEqualTo("PROCESSING");
                        assertThat(m.get("fromStatus")).isNull();
                        assertThat(m.get("unit")).isEqualTo(Map.of("code", "NA-SYT"));
                        assertThat(m.get("dossier")).isEqualTo(Map.of("status", "PROCESSING"));
                    });
            Thread.sleep(1500);
            assertThat(stnmtOnlySees).as("a partner of another unit hears nothing of it")
                    .noneMatch(m -> ("SYNC-" + id).equals(m.get("receiptCode")));
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    @Test
    void aPartnersRequestBudgetIsSharedByTheInstances() {
        int portB = secondInstancePort();
        String token = tokens().partner("lantern-partner-limited-instances", List.of("*"), List.of());
        org.springframework.graphql.test.tester.HttpGraphQlTester onA = as(token);
        org.springframework.graphql.test.tester.HttpGraphQlTester onB = org.springframework.graphql.test.tester.HttpGraphQlTester.create(
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + portB + "/graphql")
                        .build()).mutate().headers(h -> h.setBearerAuth(token)).build();
        boolean refusedOnB = false;
        for (int attempt = 0; attempt < 5 && !refusedOnB; attempt++) {
            // spend the second's budget on A, then ask B within the same second
            boolean refusedOnA = false;
            for (int i = 0; i < 6 && !refusedOnA; i++) {
                refusedOnA = limited(onA);
            }
            refusedOnB = refusedOnA && limited(onB);
        }
        assertThat(refusedOnB).as("B refuses once A has spent the budget").isTrue();
    }

    private static boolean limited(org.springframework.graphql.test.tester.HttpGraphQlTester tester) {
        List<String> types = new java.util.ArrayList<>();
        tester.documentName("me").execute().errors().satisfy(errors -> errors.forEach(e -> types.add(e.getErrorType().toString())));
        return types.contains("RATE_LIMITED");
    }

    @Test
    void startingSubscriptionsCountsAgainstThePartnersRequestBudget() throws Exception {
        int portB = secondInstancePort();
        String token = tokens().partner("lantern-partner-limited-subscriptions", List.of("NA"), List.of());
        List<AtomicReference<Throwable>> failures = new java.util.ArrayList<>();
        List<Disposable> subscriptions = new java.util.ArrayList<>();
        try {
            // 2 operations per second: of 6 subscriptions started at once, some are refused
            for (int i = 0; i < 6; i++) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                failures.add(failure);
                subscriptions.add(client(portB, token).document(SUBSCRIPTION).retrieveSubscription("dossierStatusChanged")
                        .toEntity(Map.class).subscribe(m -> { }, failure::set));
            }
            awaitUntil(() -> failures.stream().filter(f -> f.get() != null).count() >= 4, Duration.ofSeconds(10));
            List<Throwable> refused = failures.stream().map(AtomicReference::get).filter(java.util.Objects::nonNull).toList();
            assertThat(refused).as("subscriptions over the budget").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(t -> assertThat(t.toString()).contains("RATE_LIMITED").contains("lantern-partner-limited-subscriptions"));
        } finally {
            subscriptions.forEach(Disposable::dispose);
        }
    }

    @Test
    void aSubscriptionWithoutAValidTokenGetsNothing() throws Exception {
        int portB = secondInstancePort();
        for (String token : java.util.Arrays.asList(null, "not-a-token", tokens().partner("lantern-partner-demo"))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Object> received = new CopyOnWriteArrayList<>();
            Disposable d = client(portB, token).document(SUBSCRIPTION).retrieveSubscription("dossierStatusChanged").toEntity(Map.class)
                    .subscribe(received::add, failure::set);
            try {
                awaitUntil(() -> failure.get() != null, Duration.ofSeconds(10));
                assertThat(failure.get()).as("token %s", token).isNotNull();
                assertThat(received).isEmpty();
            } finally {
                d.dispose();
            }
        }
    }
}
