package app.lantern.catalogue;

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
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Administrators record a procedure's announcement, publication and set-up (the facts the Decision
 * 766 procedure indicators count) when they create or change it: stored, audited, refused with the
 * field named when inconsistent, and refused to everyone else.
 */
class ProcedureFactsIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private String unitId(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single());
    }

    private Map<String, Object> procedure(String nationalCode, Map<String, Object> facts) {
        Map<String, Object> input = new HashMap<>(Map.of("unitId", unitId("NA-SYT"), "nationalCode", nationalCode,
                "name", "Cấp giấy phép thử nghiệm chỉ số", "field", "HEALTH", "authorityLevel", "PROVINCE", "statutoryWorkingDays", 2,
                "onlineLevel", "FULL", "fee", 100000, "published", true,
                "steps", List.of(Map.of("name", "Tiếp nhận", "allowanceWorkingDays", 1), Map.of("name", "Giải quyết", "allowanceWorkingDays", 1))));
        input.putAll(facts);
        return input;
    }

    private GraphQlTester.Response create(HttpGraphQlTester who, Map<String, Object> input) {
        return who.documentName("procedureCreateFacts").variable("input", input).execute();
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return admin().documentName("procedureUpdateFacts").variable("input", input).execute();
    }

    private static List<String> fields(GraphQlTester.Response r, String mutation) {
        return r.path(mutation + ".userErrors[*].field[1]").entityList(String.class).get();
    }

    @Test
    void administratorsCreateAProcedureWithItsAnnouncementPublicationAndSetUp() {
        GraphQlTester.Response created = create(admin(), procedure("1.FACT01", Map.of("effectiveOn", "2026-01-01",
                "announcedOn", "2025-12-20", "publishedOn", "2025-12-24", "fullContentPublished", true, "onlinePaymentEnabled", true,
                "portalPaymentConfigured", true, "populationDbConnected", true)));
        created.path("procedureCreate.userErrors").entityList(Object.class).hasSize(0)
                .path("procedureCreate.procedure.effectiveOn").entity(String.class).isEqualTo("2026-01-01")
                .path("procedureCreate.procedure.announcedOn").entity(String.class).isEqualTo("2025-12-20")
                .path("procedureCreate.procedure.publishedOn").entity(String.class).isEqualTo("2025-12-24")
                .path("procedureCreate.procedure.fullContentPublished").entity(Boolean.class).isEqualTo(true)
                .path("procedureCreate.procedure.onlinePaymentEnabled").entity(Boolean.class).isEqualTo(true)
                .path("procedureCreate.procedure.portalPaymentConfigured").entity(Boolean.class).isEqualTo(true)
                .path("procedureCreate.procedure.populationDbConnected").entity(Boolean.class).isEqualTo(true);
        assertThat(jdbc.sql("""
                        select details ->> 'announcedOn' from audit_record where action = 'procedure.create' and object_type = 'Procedure'
                        and object_id = (select id::text from procedure where national_code = '1.FACT01')""").query(String.class).single())
                .isEqualTo("2025-12-20");

        // without them: no dates, nothing set up
        create(admin(), procedure("1.FACT02", Map.of()))
                .path("procedureCreate.userErrors").entityList(Object.class).hasSize(0)
                .path("procedureCreate.procedure.announcedOn").valueIsNull()
                .path("procedureCreate.procedure.publishedOn").valueIsNull()
                .path("procedureCreate.procedure.onlinePaymentEnabled").entity(Boolean.class).isEqualTo(false)
                .path("procedureCreate.procedure.populationDbConnected").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void administratorsChangeTheFactsAndWhatIsNotGivenStays() {
        String id = create(admin(), procedure("1.FACT03", Map.of("effectiveOn", "2025-07-01", "announcedOn", "2025-07-10")))
                .path("procedureCreate.procedure.id").entity(String.class).get();
        GraphQlTester.Response changed = update(Map.of("procedureId", id, "version", 0, "publishedOn", "2025-07-15",
                "fullContentPublished", true, "onlinePaymentEnabled", true));
        changed.path("procedureUpdate.userErrors").entityList(Object.class).hasSize(0)
                .path("procedureUpdate.procedure.version").entity(Integer.class).isEqualTo(1)
                .path("procedureUpdate.procedure.effectiveOn").entity(String.class).isEqualTo("2025-07-01")
                .path("procedureUpdate.procedure.announcedOn").entity(String.class).isEqualTo("2025-07-10")
                .path("procedureUpdate.procedure.publishedOn").entity(String.class).isEqualTo("2025-07-15")
                .path("procedureUpdate.procedure.fullContentPublished").entity(Boolean.class).isEqualTo(true)
                .path("procedureUpdate.procedure.onlinePaymentEnabled").entity(Boolean.class).isEqualTo(true)
                .path("procedureUpdate.procedure.portalPaymentConfigured").entity(Boolean.class).isEqualTo(false);
        update(Map.of("procedureId", id, "version", 1, "populationDbConnected", true, "onlinePaymentEnabled", false))
                .path("procedureUpdate.procedure.populationDbConnected").entity(Boolean.class).isEqualTo(true)
                .path("procedureUpdate.procedure.onlinePaymentEnabled").entity(Boolean.class).isEqualTo(false)
                .path("procedureUpdate.procedure.publishedOn").entity(String.class).isEqualTo("2025-07-15");
        assertThat(jdbc.sql("""
                        select string_agg(details ->> 'publishedOn', ',' order by id) from audit_record where action = 'procedure.update'
                        and object_type = 'Procedure' and object_id = :id""").param("id", String.valueOf(NodeId.longKey(id, "Procedure")))
                .query(String.class).single()).isEqualTo("2025-07-15");
        // a stale version changes nothing
        update(Map.of("procedureId", id, "version", 0, "populationDbConnected", false))
                .path("procedureUpdate.userErrors[0].code").entity(String.class).isEqualTo("CONCURRENT_MODIFICATION");
    }

    @Test
    void inconsistentFactsAreRefusedNamingTheField() {
        String tomorrow = LocalDate.now(WorkingDays.ZONE).plusDays(1).toString();
        GraphQlTester.Response future = create(admin(), procedure("1.FACT04", Map.of("announcedOn", tomorrow, "publishedOn", tomorrow)));
        future.path("procedureCreate.procedure").valueIsNull()
                .path("procedureCreate.userErrors[*].code").entityList(String.class).containsExactly("IN_FUTURE", "IN_FUTURE");
        assertThat(fields(future, "procedureCreate")).containsExactly("announcedOn", "publishedOn");

        GraphQlTester.Response before = create(admin(), procedure("1.FACT04", Map.of("announcedOn", "2025-03-10", "publishedOn", "2025-03-01")));
        before.path("procedureCreate.userErrors[0].code").entity(String.class).isEqualTo("BEFORE_ANNOUNCEMENT")
                .path("procedureCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "publishedOn");

        create(admin(), procedure("1.FACT04", Map.of("publishedOn", "2025-03-01")))
                .path("procedureCreate.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED")
                .path("procedureCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "announcedOn");

        Map<String, Object> unpublishedFree = procedure("1.FACT04", Map.of("fullContentPublished", true, "onlinePaymentEnabled", true,
                "portalPaymentConfigured", true));
        unpublishedFree.put("published", false);
        unpublishedFree.put("fee", 0);
        GraphQlTester.Response setUp = create(admin(), unpublishedFree);
        setUp.path("procedureCreate.userErrors[*].code").entityList(String.class)
                .containsExactly("NOT_PUBLISHED", "NO_FEE");
        assertThat(fields(setUp, "procedureCreate")).containsExactly("fullContentPublished", "onlinePaymentEnabled");
        create(admin(), procedure("1.FACT04", Map.of("portalPaymentConfigured", true)))
                .path("procedureCreate.userErrors[0].code").entity(String.class).isEqualTo("ONLINE_PAYMENT_REQUIRED")
                .path("procedureCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "portalPaymentConfigured");
        assertThat(jdbc.sql("select count(*) from procedure where national_code = '1.FACT04'").query(Long.class).single()).isZero();

        // an update is checked against what is stored: moving the announcement after the publication is refused
        String id = create(admin(), procedure("1.FACT05", Map.of("announcedOn", "2025-05-02", "publishedOn", "2025-05-05")))
                .path("procedureCreate.procedure.id").entity(String.class).get();
        update(Map.of("procedureId", id, "version", 0, "announcedOn", "2025-05-20"))
                .path("procedureUpdate.procedure").valueIsNull()
                .path("procedureUpdate.userErrors[0].code").entity(String.class).isEqualTo("AFTER_PUBLICATION")
                .path("procedureUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "announcedOn");
        update(Map.of("procedureId", id, "version", 0, "fee", 0, "onlinePaymentEnabled", true))
                .path("procedureUpdate.userErrors[0].code").entity(String.class).isEqualTo("NO_FEE");
        assertThat(jdbc.sql("select announced_on = date '2025-05-02' and not online_payment_enabled and version = 0 from procedure"
                + " where national_code = '1.FACT05'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void onlyAdministratorsRecordTheFacts() {
        long procedure = jdbc.sql("select min(id) from procedure").query(Long.class).single();
        Map<String, Object> update = Map.of("procedureId", NodeId.encode("Procedure", procedure), "version", 0,
                "announcedOn", "2025-01-02", "populationDbConnected", true);
        Map<String, Object> create = procedure("1.FACT06", Map.of("announcedOn", "2025-01-02"));
        for (HttpGraphQlTester refused : List.of(inspector(), unitHead("NA-SYT"), citizen(), partner())) {
            create(refused, create).errors().satisfy(errors ->
                    assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("procedureUpdateFacts").variable("input", update).execute().errors().satisfy(errors ->
                    assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        create(anonymous(), create).errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        anonymous().documentName("procedureUpdateFacts").variable("input", update).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        assertThat(jdbc.sql("select count(*) from procedure where national_code = '1.FACT06'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select population_db_connected is not distinct from (select population_db_connected from procedure"
                + " where id = :id) from procedure where id = :id").param("id", procedure).query(Boolean.class).single()).isTrue();
    }
}
