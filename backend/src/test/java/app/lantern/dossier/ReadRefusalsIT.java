package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import app.lantern.support.SqlStatementCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Citizens, partner systems and anonymous callers get nothing from the units, catalogue and dossier queries. */
class ReadRefusalsIT extends ApiTestBase {

    /** @param path a nullable field that must come back null; null for non-null fields (then there is no data at all) */
    private record Query(String document, Map<String, Object> variables, String path) {
    }

    private static void nothingLeaked(GraphQlTester.Response response, Query query) {
        if (query.path() == null) {
            response.path("").valueIsNull();
        } else {
            response.path(query.path()).valueIsNull();
        }
    }

    private static final List<Query> QUERIES = List.of(
            new Query("dossiers", Map.of("first", 5), null),
            new Query("dossierDetail", Map.of("code", "NA-SYT-240101-000001"), "dossier"),
            new Query("dossierCounts", Map.of(), null),
            new Query("units", Map.of("first", 5), null),
            new Query("unitTree", Map.of(), null),
            new Query("procedures", Map.of("first", 5), null),
            new Query("node", Map.of("id", NodeId.encode("Dossier", 1)), "node"),
            new Query("node", Map.of("id", NodeId.encode("Unit", 1)), "node"),
            new Query("node", Map.of("id", NodeId.encode("Procedure", 1)), "node"),
            new Query("node", Map.of("id", NodeId.encode("Official", 1)), "node"));

    private static GraphQlTester.Response run(GraphQlTester tester, Query query) {
        GraphQlTester.Request<?> request = tester.documentName(query.document());
        for (Map.Entry<String, Object> v : query.variables().entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        return request.execute();
    }

    @Test
    void citizensAndPartnersAreForbiddenAndSeeNothing() {
        for (GraphQlTester refused : List.of(citizen(), partner())) {
            for (Query query : QUERIES) {
                GraphQlTester.Response response = run(refused, query);
                response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType())
                        .as(query.document()).containsExactly(ErrorType.FORBIDDEN));
                nothingLeaked(response, query);
            }
        }
    }

    @Test
    void anonymousCallersAreUnauthorisedBeforeAnySql() {
        long before = SqlStatementCounter.count();
        for (Query query : QUERIES) {
            GraphQlTester.Response response = run(anonymous(), query);
            response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType())
                    .as(query.document()).containsExactly(ErrorType.UNAUTHORIZED));
            nothingLeaked(response, query);
        }
        assertThat(SqlStatementCounter.count()).isEqualTo(before);
    }

    @Test
    void aUnitHeadWithoutAUnitClaimSeesNothing() {
        GraphQlTester noUnit = as(tokens().staff("head.nowhere", "", "unit_head"));
        noUnit.documentName("dossiers").variable("first", 5).execute().path("dossiers.totalCount").entity(Long.class).isEqualTo(0L);
        noUnit.documentName("units").variable("first", 5).execute().path("units.totalCount").entity(Long.class).isEqualTo(0L);
    }
}
