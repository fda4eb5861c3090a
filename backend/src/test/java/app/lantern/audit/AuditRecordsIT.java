package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail: written inside the caller's transaction, read by inspectors and admins only. */
class AuditRecordsIT extends ApiTestBase {

    @Autowired
    AuditLog auditLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    String objectId;

    @BeforeEach
    void writeFiveRecords() {
        objectId = "obj-" + System.nanoTime();
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= 5; i++) {
                auditLog.record("test.step" + i, "TestObject", objectId, Map.of("step", i));
            }
        });
    }

    @Test
    void recordsArePagedNewestFirstWithKeysetCursorsBothWays() {
        Map<String, Object> filter = Map.of("objectType", "TestObject", "objectId", objectId);
        GraphQlTester.Response first = inspector().documentName("auditRecords")
                .variable("first", 2).variable("filter", filter).execute();
        first.path("auditRecords.totalCount").entity(Integer.class).isEqualTo(5);
        first.path("auditRecords.edges[*].node.action").entityList(String.class).containsExactly("test.step5", "test.step4");
        first.path("auditRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("auditRecords.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String end = first.path("auditRecords.pageInfo.endCursor").entity(String.class).get();

        GraphQlTester.Response second = inspector().documentName("auditRecords")
                .variable("first", 2).variable("after", end).variable("filter", filter).execute();
        second.path("auditRecords.edges[*].node.action").entityList(String.class).containsExactly("test.step3", "test.step2");
        second.path("auditRecords.edges[0].node.details").entity(String.class).satisfies(json -> assertThat(json).contains("\"step\": 3"));
        String secondStart = second.path("auditRecords.pageInfo.startCursor").entity(String.class).get();

        inspector().documentName("auditRecords").variable("last", 2).variable("before", secondStart).variable("filter", filter).execute()
                .path("auditRecords.edges[*].node.action").entityList(String.class).containsExactly("test.step5", "test.step4");
        admin().documentName("auditRecords").variable("last", 1).variable("filter", filter).execute()
                .path("auditRecords.edges[*].node.action").entityList(String.class).containsExactly("test.step1");
    }

    @Test
    void theActorIsTheCaller() {
        assertThat(jdbc.sql("select distinct actor from audit_record where object_id = ?").param(objectId)
                .query(String.class).list()).containsExactly("anonymous");
    }

    @Test
    void auditingOutsideATransactionIsAProgrammingError() {
        assertThatThrownBy(() -> auditLog.record("x", "TestObject", "y", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aBadCursorIsNamed() {
        inspector().documentName("auditRecords").variable("first", 2).variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.getFirst().getMessage()).contains("not-a-cursor");
                });
    }

    @Test
    void anonymousCallersAreUnauthorisedAndOtherRolesForbidden() {
        anonymous().documentName("auditRecords").variable("first", 1).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        for (GraphQlTester refused : List.of(citizen(), unitHead("NA-QUYHOP"), partner())) {
            refused.documentName("auditRecords").variable("first", 1).execute().errors().satisfy(errors -> {
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN);
            }).path("auditRecords").pathDoesNotExist();
        }
    }
}
