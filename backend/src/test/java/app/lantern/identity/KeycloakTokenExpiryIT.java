package app.lantern.identity;

import app.lantern.support.KeycloakTestBase;
import app.lantern.support.keycloak.KeycloakServer;
import app.lantern.support.keycloak.KeycloakTokens;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A genuine Keycloak token past its expiry is refused: the application's clock runs ten minutes
 * ahead of Keycloak's (the realm's tokens live five minutes), which is what a token presented ten
 * minutes after it was issued looks like.
 */
@Import(KeycloakTokenExpiryIT.TenMinutesLater.class)
class KeycloakTokenExpiryIT extends KeycloakTestBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class TenMinutesLater {
        @Bean
        @Primary
        Clock tenMinutesLater() {
            return Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        }
    }

    @Test
    void anExpiredTokenGets401() {
        String token = KeycloakTokens.forShared().userToken("inspector.lead", "demo").accessToken();
        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token))
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", value -> org.assertj.core.api.Assertions.assertThat(value).contains("expired"));
    }
}
