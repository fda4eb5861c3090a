package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import app.lantern.support.SqlStatementCounter;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The guards every request passes, over real HTTP. */
class GraphQlGuardsIT extends ApiTestBase {

    @Test
    void apiInfoAnswersWithoutLogin() {
        anonymous().documentName("apiInfo").execute()
                .path("apiInfo.version").entity(String.class).satisfies(version -> assertThat(version).isNotBlank())
                .path("apiInfo.serverTime").entity(String.class).satisfies(time -> assertThat(time).contains("T"));
    }

    @Test
    void malformedJsonGetsAClearErrorNotAStackTrace() {
        String body = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ apiInfo { version }").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body == null ? "" : body).doesNotContain("Exception").doesNotContain("at app.lantern").doesNotContain("at org.");
    }

    @Test
    void syntaxErrorIsAGraphQlErrorNotAStackTrace() {
        String body = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ apiInfo { version \"}").exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("InvalidSyntax").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void batchedRequestsAreRefused() {
        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"query\": \"{ apiInfo { version } }\"}, {\"query\": \"{ apiInfo { version } }\"}]")
                .exchange().expectStatus().value(status -> assertThat(HttpStatus.valueOf(status).is4xxClientError()).isTrue());
    }

    @Test
    void queryDeeperThanTheLimitIsRefusedBeforeAnySql() {
        // 14 levels, through introspection (the only part of the schema that nests that deep)
        String deep = "{ auditRecords(first: 5) { nodes { id } } __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";
        long before = SqlStatementCounter.count();
        inspector().document(deep).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).containsIgnoringCase("depth");
        });
        assertThat(SqlStatementCounter.count()).as("SQL statements sent").isEqualTo(before);
    }

    @Test
    void queryCostlierThanTheLimitIsRefusedBeforeAnySql() {
        // 40 records × 60 fields each is far above the cost limit, though shallow
        String fields = IntStream.range(0, 60).mapToObj(i -> "f" + i + ": action").collect(Collectors.joining(" "));
        String costly = "{ auditRecords(first: 40) { nodes { " + fields + " } } }";
        long before = SqlStatementCounter.count();
        inspector().document(costly).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).containsIgnoringCase("complexity");
        });
        assertThat(SqlStatementCounter.count()).as("SQL statements sent").isEqualTo(before);
    }

    @Test
    void pageLargerThan100IsRefusedWithAClearMessage() {
        long before = SqlStatementCounter.count();
        inspector().documentName("auditRecords").variable("first", 500).execute().errors().satisfy(errors -> {
            assertThat(errors).extracting(ResponseError::getMessage)
                    .containsExactly("Argument 'first' of field 'auditRecords' must be between 0 and 100, was 500");
        });
        inspector().document("{ auditRecords(last: 101) { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors.getFirst().getMessage()).contains("'last'").contains("100"));
        assertThat(SqlStatementCounter.count()).as("SQL statements sent").isEqualTo(before);
    }

    @Test
    void graphiqlIsServed() {
        http().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).containsIgnoringCase("graphiql"));
    }

    @Test
    void healthProbesAndMetricsAnswer() {
        http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        // the scrape grows with every GraphQL operation and data source metric: allow a few megabytes
        http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
    }
}
