package app.lantern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.support.KeycloakTestBase;
import app.lantern.support.keycloak.KeycloakServer;
import app.lantern.support.keycloak.KeycloakTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity against a real Keycloak started from the distribution the Run command uses, with the
 * realm from {@code infra/keycloak/lantern-realm.json}: every demo account logs in through the
 * authorization-code flow with PKCE and calls {@code me}; bad tokens are refused with 401.
 */
class KeycloakIT extends KeycloakTestBase {

    private final KeycloakTokens keycloak = KeycloakTokens.forShared();

    @ParameterizedTest(name = "{0} logs in as {2}")
    @CsvSource(nullValues = "-", value = {
            "inspector.lead, Nguyễn Văn Thanh, INSPECTOR, NA-TTT, -",
            "inspector.hoa, Trần Thị Hoa, INSPECTOR, NA-TTT, -",
            "admin, -, ADMIN, NA-UBND, -",
            "head.stnmt, -, UNIT_HEAD, NA-STNMT, -",
            "head.syt, -, UNIT_HEAD, NA-SYT, -",
            "head.nghiloc, -, UNIT_HEAD, NA-NGHILOC, -",
            "head.quyhop, -, UNIT_HEAD, NA-QUYHOP, -",
            "head.doluong, -, UNIT_HEAD, NA-DOLUONG, -",
            "head.tanky, -, UNIT_HEAD, NA-TANKY, -",
            "citizen, Phạm Thị Lan, CITIZEN, -, 040190000123"})
    void eachDemoAccountLogsInThroughTheBrowserFlowAndCallsMe(String username, String displayName, String role,
                                                               String unit, String citizenId) {
        KeycloakTokens.TokenResponse tokens = keycloak.userToken(username, "demo");

        assertThat(tokens.accessClaims().get("aud")).asString().contains("lantern-api");
        var me = as(tokens.accessToken()).documentName("me").execute();
        me.path("me.username").entity(String.class).isEqualTo(username);
        me.path("me.roles").entityList(String.class).containsExactly(role);
        if (displayName != null) {
            me.path("me.displayName").entity(String.class).isEqualTo(displayName);
        }
        if (unit != null) {
            me.path("me.unitCode").entity(String.class).isEqualTo(unit);
        } else {
            me.path("me.unitCode").valueIsNull();
        }
        if (citizenId != null) {
            me.path("me.citizenId").entity(String.class).isEqualTo(citizenId);
        }
    }

    @Test
    void aRefreshedTokenWorksToo() {
        KeycloakTokens.TokenResponse refreshed = keycloak.refresh(keycloak.userToken("inspector.hoa", "demo").refreshToken());
        as(refreshed.accessToken()).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("inspector.hoa");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> keycloak.userToken("head.syt", "wrong-password"))
                .isInstanceOf(KeycloakTokens.LoginFailedException.class);
    }

    @Test
    void thePartnersClientCredentialsTokenWorks() {
        as(keycloak.partnerDemoToken().accessToken()).documentName("me").execute()
                .path("me.username").entity(String.class).isEqualTo("lantern-partner-demo")
                .path("me.roles").entityList(String.class).containsExactly("PARTNER");
    }

    @Test
    void withoutATokenMeIsUnauthorised() {
        anonymous().documentName("me").execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
    }

    @Test
    void tamperedWrongAudienceAndOtherRealmTokensGet401() throws Exception {
        String valid = keycloak.userToken("inspector.lead", "demo").accessToken();
        String[] parts = valid.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"inspector\"", "\"admin\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        // the realm's admin-cli client has no lantern-api audience mapper
        String wrongAudience = passwordGrant("lantern", "admin-cli", "inspector.lead", "demo");
        // a genuine token of another realm of the same Keycloak
        String otherRealm = passwordGrant("master", "admin-cli", "admin", "admin");
        assertThat(String.valueOf(KeycloakTokens.decodePayload(wrongAudience).get("aud"))).doesNotContain("lantern-api");

        for (String token : List.of(tampered, wrongAudience, otherRealm)) {
            http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> headers.setBearerAuth(token))
                    .bodyValue("{\"query\":\"{ me { username } }\"}")
                    .exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    static String passwordGrant(String realm, String clientId, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + clientId + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KeycloakServer.shared().baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("password grant at %s: %s", realm, response.body()).isEqualTo(200);
        Map<?, ?> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
        return (String) body.get("access_token");
    }
}
