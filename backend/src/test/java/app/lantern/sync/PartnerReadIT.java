package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partner systems read units, procedures and dossiers through the staff schema, limited to the
 * units their token lists, and see applicants' personal data only where they may write.
 */
class PartnerReadIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long unitId(String code) {
        return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
    }

    private static long total(HttpGraphQlTester tester, String document, Map<String, Object> filter) {
        GraphQlTester.Request<?> request = tester.documentName(document).variable("first", 20);
        if (filter != null) {
            request = request.variable("filter", filter);
        }
        return request.execute().path(document + ".totalCount").entity(Long.class).get();
    }

    @Test
    void theNationalPortalReadsEveryUnitButNoApplicant() {
        assertThat(total(portal(), "dossiers", null)).isEqualTo(total(inspector(), "dossiers", null)).isPositive();
        assertThat(total(portal(), "units", null)).isEqualTo(total(inspector(), "units", null));
        assertThat(total(portal(), "procedures", null)).isEqualTo(total(inspector(), "procedures", null));
        portal().documentName("dossiers").variable("first", 50).execute()
                .path("dossiers.nodes[*].applicant").entityList(Object.class).hasSize(50).satisfies(applicants ->
                        assertThat(applicants).containsOnlyNulls());
    }

    @Test
    void theProvincialSystemSeesTheApplicantsOfTheUnitsItWrites() {
        ngheAn().documentName("dossiers").variable("first", 20).execute()
                .path("dossiers.nodes[*].applicant.name").entityList(String.class).hasSize(20);
    }

    @Test
    void aPartnerReadsOnlyTheSubtreesItsTokenLists() {
        HttpGraphQlTester syt = as(tokens().partner("lantern-partner-syt", List.of("NA-SYT"), List.of()));
        assertThat(total(syt, "dossiers", null)).isEqualTo(total(unitHead("NA-SYT"), "dossiers", null)).isPositive();
        syt.documentName("dossiers").variable("first", 50).execute()
                .path("dossiers.nodes[*].unit.code").entityList(String.class).satisfies(codes -> assertThat(codes).isNotEmpty().containsOnly("NA-SYT"))
                .path("dossiers.nodes[*].applicant").entityList(Object.class).satisfies(applicants -> assertThat(applicants).containsOnlyNulls());
        syt.documentName("units").variable("first", 50).execute()
                .path("units.nodes[*].code").entityList(String.class).containsExactly("NA-SYT");
        assertThat(total(syt, "dossiers", Map.of("unit", NodeId.encode("Unit", unitId("NA-STNMT"))))).isZero();
        syt.documentName("node").variable("id", NodeId.encode("Dossier", jdbc.sql(
                        "select d.id from dossier d join unit u on u.id = d.unit_id where u.code = 'NA-STNMT' limit 1").query(Long.class).single()))
                .execute().path("node").valueIsNull();
    }

    @Test
    void personalDataFollowsTheWriteScopeNotTheReadScope() {
        HttpGraphQlTester writesSyt = as(tokens().partner("lantern-partner-syt", List.of("NA"), List.of("NA-SYT")));
        writesSyt.documentName("dossiers").variable("first", 20)
                .variable("filter", Map.of("unit", NodeId.encode("Unit", unitId("NA-SYT")))).execute()
                .path("dossiers.nodes[*].applicant.name").entityList(String.class).hasSize(20);
        writesSyt.documentName("dossiers").variable("first", 20)
                .variable("filter", Map.of("unit", NodeId.encode("Unit", unitId("NA-STNMT")))).execute()
                .path("dossiers.nodes[*].applicant").entityList(Object.class).hasSize(20)
                .satisfies(applicants -> assertThat(applicants).containsOnlyNulls());
        // nor can it find dossiers by the names it may not see
        String name = jdbc.sql("select d.applicant_name from dossier d join unit u on u.id = d.unit_id where u.code = 'NA-STNMT' limit 1")
                .query(String.class).single();
        assertThat(total(writesSyt, "dossiers", Map.of("text", name, "unit", NodeId.encode("Unit", unitId("NA-STNMT"))))).isZero();
    }

    @Test
    void partnersReadNoPlansNorAuditAndUseNoStaffMutation() {
        for (HttpGraphQlTester refused : List.of(portal(), ngheAn())) {
            for (String document : List.of("inspectionPlans", "auditRecords")) {
                refused.documentName(document).variable("first", 5).execute()
                        .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).as(document)
                                .containsExactly(ErrorType.FORBIDDEN));
            }
            refused.documentName("dossierReceive").variable("input", Map.of("procedureId", NodeId.encode("Procedure", 1),
                            "applicantKind", "PERSON", "applicantName", "A", "channel", "DIRECT")).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
    }
}
