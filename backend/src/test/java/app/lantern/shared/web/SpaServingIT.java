package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SPA from the frontend jar: index at / and at deep links, hashed assets cached for a year. */
class SpaServingIT extends ApiTestBase {

    @Test
    void indexIsServedAtRootAndRevalidated() {
        http().get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
    }

    @Test
    void deepLinkGetsTheIndexSoTheClientRouterTakesOver() {
        http().get().uri("/plans/42").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
    }

    @Test
    void hashedAssetIsServedWithLongCachingAndMissingAssetIs404() {
        String html = http().get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
        Matcher asset = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.js").matcher(html);
        assertThat(asset.find()).as("index.html references a hashed script").isTrue();
        http().get().uri(asset.group()).exchange().expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=31536000").contains("immutable"));
        http().get().uri("/assets/does-not-exist.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void apiPathsAreNotSwallowedByTheFallback() {
        http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("UP"));
        http().get().uri("/graphql").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
    }

    @Test
    void configTellsTheSpaWhereKeycloakIs() {
        http().get().uri("/config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keycloak.realm").isEqualTo("lantern")
                .jsonPath("$.keycloak.clientId").isEqualTo("lantern-spa")
                .jsonPath("$.keycloak.url").isNotEmpty();
    }
}
