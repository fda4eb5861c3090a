package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.KeycloakTestBase;
import app.lantern.support.keycloak.KeycloakTokens;
import app.lantern.sync.example.PartnerClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo partner clients of infra/keycloak/lantern-realm.json against a real Keycloak: client
 * credentials give tokens whose unit lists Lantern honours, as docs/partners.md tells partners.
 */
class PartnerKeycloakIT extends KeycloakTestBase {

    private final KeycloakTokens keycloak = KeycloakTokens.forShared();

    @Autowired
    JdbcClient jdbc;

    private HttpGraphQlTester client(String clientId) {
        return as(keycloak.clientCredentialsToken(clientId, clientId + "-secret").accessToken());
    }

    @Test
    void theRealmsPartnerTokensCarryTheirUnitLists() {
        Map<String, Object> portal = keycloak.clientCredentialsToken("lantern-partner-portal", "lantern-partner-portal-secret").accessClaims();
        assertThat(portal.get("partner_units_read")).isEqualTo(List.of("*"));
        assertThat(portal.get("partner_units_write")).isEqualTo(List.of());
        assertThat(String.valueOf(portal.get("aud"))).contains("lantern-api");
        Map<String, Object> ngheAn = keycloak.clientCredentialsToken("lantern-partner-nghean", "lantern-partner-nghean-secret").accessClaims();
        assertThat(ngheAn.get("partner_units_read")).isEqualTo(List.of("NA"));
        assertThat(ngheAn.get("partner_units_write")).isEqualTo(List.of("NA"));
        client("lantern-partner-nghean").documentName("me").execute()
                .path("me.username").entity(String.class).isEqualTo("lantern-partner-nghean")
                .path("me.roles").entityList(String.class).containsExactly("PARTNER");
    }

    @Test
    void thePortalReadsWithoutApplicantsAndTheProvincialSystemSyncs() {
        client("lantern-partner-portal").documentName("dossiers").variable("first", 10).execute()
                .path("dossiers.nodes[*].applicant").entityList(Object.class).hasSize(10)
                .satisfies(applicants -> assertThat(applicants).containsOnlyNulls());
        client("lantern-partner-nghean").documentName("dossiers").variable("first", 10).execute()
                .path("dossiers.nodes[*].applicant.name").entityList(String.class).hasSize(10);

        String code = jdbc.sql("""
                        select p.national_code from procedure p join unit u on u.id = p.unit_id
                        where u.code = 'NA-SYT' and p.review_state <> 'ABOLISHED' order by p.national_code limit 1""")
                .query(String.class).single();
        String id = DossierSyncIT.id();
        List<Map<String, Object>> items = List.of(Map.of("externalId", id, "receiptCode", "KC-" + id, "unitCode", "NA-SYT",
                "procedureCode", code, "applicant", Map.of("kind", "PERSON", "name", "Hồ Thị Thu"), "channel", "ONLINE",
                "events", List.of(DossierSyncIT.event("RECEIVE", DossierSyncIT.MONDAY))));
        DossierSyncIT.sync(client("lantern-partner-nghean"), "nghean-dvc", items)
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("CREATED");
        DossierSyncIT.sync(client("lantern-partner-portal"), "portal", items)
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
    }

    @Test
    void theGuidesJavaClientSyncsTwiceAndFollowsTheFeedAcrossARestart() throws Exception {
        String token = PartnerClient.clientCredentialsToken(keycloak.tokenEndpoint(), "lantern-partner-nghean", "lantern-partner-nghean-secret");
        // catch up with the whole feed once, and keep only the cursor (as a partner stores it)
        PartnerClient first = new PartnerClient("http://localhost:" + port, token);
        String cursor = null;
        PartnerClient.Changes page;
        do {
            page = first.changesAfter(cursor, 100);
            cursor = page.endCursor();
        } while (page.hasNextPage());

        String code = jdbc.sql("""
                        select p.national_code from procedure p join unit u on u.id = p.unit_id
                        where u.code = 'NA-SYT' and p.review_state <> 'ABOLISHED' order by p.national_code limit 1""")
                .query(String.class).single();
        String id = DossierSyncIT.id();
        List<Map<String, Object>> items = List.of(Map.of("externalId", id, "receiptCode", "CLIENT-" + id, "unitCode", "NA-SYT",
                "procedureCode", code, "applicant", Map.of("kind", "PERSON", "name", "Đặng Văn Nam"), "channel", "ONLINE",
                "events", List.of(DossierSyncIT.event("RECEIVE", DossierSyncIT.MONDAY))));
        List<PartnerClient.UserError> errors = new java.util.ArrayList<>();
        assertThat(first.sync("nghean-dvc", items, errors)).extracting(PartnerClient.SyncResult::outcome).containsExactly("CREATED");
        assertThat(first.sync("nghean-dvc", items, errors)).extracting(PartnerClient.SyncResult::outcome).containsExactly("UNCHANGED");
        assertThat(errors).isEmpty();

        // a new client (the partner's system restarted) resumes from the stored cursor
        PartnerClient restarted = new PartnerClient("http://localhost:" + port, token);
        PartnerClient.Changes next = restarted.changesAfter(cursor, 100);
        assertThat(next.changes()).extracting(PartnerClient.Change::receiptCode).containsExactly("CLIENT-" + id);
        assertThat(next.changes().getFirst().toStatus()).isEqualTo("RECEIVED");
        assertThat(restarted.changesAfter(next.endCursor(), 100).changes()).isEmpty();
    }

    @Test
    void theUngrantedDemoPartnerReadsNothing() {
        as(keycloak.partnerDemoToken().accessToken()).documentName("dossiers").variable("first", 5).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
    }
}
