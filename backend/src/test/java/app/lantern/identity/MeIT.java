package app.lantern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import app.lantern.support.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

/**
 * {@code me} through the whole resource-server chain with tokens signed by the test issuer; the same
 * against a real Keycloak is in {@code KeycloakIT}.
 */
class MeIT extends ApiTestBase {

    @Test
    void eachRoleSeesItself() {
        inspector().documentName("me").execute()
                .path("me.username").entity(String.class).isEqualTo("inspector.lead")
                .path("me.roles").entityList(String.class).containsExactly("INSPECTOR")
                .path("me.unitCode").entity(String.class).isEqualTo("NA-TTT");
        unitHead("NA-QUYHOP").documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("UNIT_HEAD")
                .path("me.unitCode").entity(String.class).isEqualTo("NA-QUYHOP");
        citizen().documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("CITIZEN")
                .path("me.citizenId").entity(String.class).isEqualTo("040190000123")
                .path("me.unitCode").valueIsNull();
        partner().documentName("me").execute()
                .path("me.username").entity(String.class).isEqualTo("lantern-partner-demo")
                .path("me.roles").entityList(String.class).containsExactly("PARTNER");
    }

    @Test
    void withoutATokenMeIsUnauthorised() {
        anonymous().documentName("me").execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
    }

    @Test
    void expiredTamperedWrongAudienceAndForeignIssuerTokensGet401() {
        TestTokens issuer = tokens();
        Instant past = Instant.now().minusSeconds(3600);
        String expired = issuer.sign(issuer.claims("inspector.lead", List.of("inspector"))
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
        String wrongAudience = issuer.sign(issuer.claims("inspector.lead", List.of("inspector")).audience("account").build());
        String foreignIssuer = issuer.sign(issuer.claims("inspector.lead", List.of("inspector"))
                .issuer("https://issuer.test.lantern/realms/master").build());
        String valid = issuer.staff("inspector.lead", "NA-TTT", "inspector");
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];

        for (String token : List.of(expired, wrongAudience, foreignIssuer, tampered, "not-a-jwt")) {
            http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> headers.setBearerAuth(token))
                    .bodyValue("{\"query\":\"{ me { username } }\"}")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"));
        }
    }
}
