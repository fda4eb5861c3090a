package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolving a dossier records that its electronic result went to the applicant's data store: stored,
 * audited, counted by the scorecard's "results synced to the citizen's data store", refused without
 * an electronic result, and settable only by who may resolve the dossier.
 */
class ResultSyncedToCitizenStoreIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private record Ref(String id, int version, String receiptCode) {
    }

    private Ref receivedAndAdvanced() {
        long procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' order by p.id limit 1").query(Long.class).single();
        GraphQlTester.Response received = unitHead("NA-SYT").documentName("dossierReceiveFacts").variable("input", Map.of(
                "procedureId", NodeId.encode("Procedure", procedure), "applicantKind", "PERSON", "applicantName", "Trần Thị Kho Dữ Liệu",
                "channel", "ONLINE")).execute();
        received.path("dossierReceive.userErrors").entityList(Object.class).hasSize(0);
        String id = received.path("dossierReceive.dossier.id").entity(String.class).get();
        String code = received.path("dossierReceive.dossier.receiptCode").entity(String.class).get();
        GraphQlTester.Response advanced = unitHead("NA-SYT").documentName("dossierAdvance").variable("input", Map.of("dossierId", id,
                "version", received.path("dossierReceive.dossier.version").entity(Integer.class).get())).execute();
        advanced.path("dossierAdvance.userErrors").entityList(Object.class).hasSize(0);
        return new Ref(id, advanced.path("dossierAdvance.dossier.version").entity(Integer.class).get(), code);
    }

    private GraphQlTester.Response resolve(HttpGraphQlTester who, Ref ref, boolean digitised, boolean synced) {
        Map<String, Object> input = new HashMap<>(Map.of("dossierId", ref.id(), "version", ref.version(), "result", "QĐ 766/KQ",
                "digitisedResult", digitised, "resultSyncedToCitizenStore", synced));
        return who.documentName("dossierResolveFacts").variable("input", input).execute();
    }

    private long syncedNumerator(String field) {
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        long unit = jdbc.sql("select id from unit where code = 'NA-SYT'").query(Long.class).single();
        GraphQlTester.Response r = inspector().documentName("indicatorScorecard").variable("unit", NodeId.encode("Unit", unit))
                .variable("period", Map.of("kind", "MONTH", "year", today.getYear(), "number", today.getMonthValue())).execute();
        r.errors().verify();
        return r.path("indicatorScorecard.groups[*].indicators[?(@.code == 'RESULTS_SYNCED_TO_CITIZEN_STORE')]")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get().stream()
                .map(i -> ((Number) i.get(field)).longValue()).findFirst().orElseThrow();
    }

    @Test
    void resolvingWithTheResultSyncedStoresItAuditsItAndMovesTheScorecardByOne() {
        Ref ref = receivedAndAdvanced();
        long numerator = syncedNumerator("numerator");
        long denominator = syncedNumerator("denominator");

        resolve(unitHead("NA-SYT"), ref, true, true)
                .path("dossierResolve.userErrors").entityList(Object.class).hasSize(0)
                .path("dossierResolve.dossier.status").entity(String.class).isEqualTo("RESOLVED")
                .path("dossierResolve.dossier.digitisedResult").entity(Boolean.class).isEqualTo(true)
                .path("dossierResolve.dossier.resultSyncedToCitizenStore").entity(Boolean.class).isEqualTo(true);

        assertThat(jdbc.sql("select result_synced_to_citizen_store from dossier where receipt_code = :c").param("c", ref.receiptCode())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select details ->> 'resultSyncedToCitizenStore' from audit_record where action = 'dossier.resolve'"
                + " and object_id = :c").param("c", ref.receiptCode()).query(String.class).single()).isEqualTo("true");
        assertThat(syncedNumerator("numerator")).isEqualTo(numerator + 1);
        assertThat(syncedNumerator("denominator")).isEqualTo(denominator + 1);
    }

    @Test
    void resolvingWithoutTheFlagCountsTheResultButNotTheSync() {
        Ref ref = receivedAndAdvanced();
        long numerator = syncedNumerator("numerator");
        long denominator = syncedNumerator("denominator");
        resolve(unitHead("NA-SYT"), ref, true, false)
                .path("dossierResolve.userErrors").entityList(Object.class).hasSize(0)
                .path("dossierResolve.dossier.resultSyncedToCitizenStore").entity(Boolean.class).isEqualTo(false);
        assertThat(syncedNumerator("numerator")).isEqualTo(numerator);
        assertThat(syncedNumerator("denominator")).isEqualTo(denominator + 1);
    }

    @Test
    void aResultThatIsNotElectronicCannotBeSyncedToTheCitizenStore() {
        Ref ref = receivedAndAdvanced();
        resolve(unitHead("NA-SYT"), ref, false, true)
                .path("dossierResolve.dossier").valueIsNull()
                .path("dossierResolve.userErrors[0].code").entity(String.class).isEqualTo("ELECTRONIC_RESULT_REQUIRED")
                .path("dossierResolve.userErrors[0].field").entityList(String.class).containsExactly("input", "resultSyncedToCitizenStore");
        assertThat(jdbc.sql("select status from dossier where receipt_code = :c").param("c", ref.receiptCode()).query(String.class).single())
                .isEqualTo("PROCESSING");
    }

    @Test
    void onlyTheStaffWhoMayResolveTheDossierRecordTheSync() {
        Ref ref = receivedAndAdvanced();
        // a unit head of another unit does not find the dossier
        resolve(unitHead("NA-QUYHOP"), ref, true, true)
                .path("dossierResolve.dossier").valueIsNull()
                .path("dossierResolve.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        for (HttpGraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            resolve(refused, ref, true, true).errors().satisfy(errors ->
                    assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        resolve(anonymous(), ref, true, true).errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        assertThat(jdbc.sql("select status = 'PROCESSING' and not result_synced_to_citizen_store from dossier where receipt_code = :c")
                .param("c", ref.receiptCode()).query(Boolean.class).single()).isTrue();
    }
}
