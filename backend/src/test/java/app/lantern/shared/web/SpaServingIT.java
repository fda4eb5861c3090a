package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SPA from the frontend jar: index at / and at deep links, the light public entry at the
 * citizens' pages, hashed assets cached for a year.
 */
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

    /**
     * A plan's page is addressed by its number, whose slash the SPA encodes ({@code 2960/KH-TTCP} →
     * {@code /plans/2960%2FKH-TTCP}): reloading or bookmarking it must open the page, not a 400 from
     * the server or the firewall. Sent as is, not encoded again by a client.
     */
    @Test
    void aPlansPageWithAnEncodedSlashInItsNumberOpensOnReload() {
        for (String path : new String[] {"/plans/2960%2FKH-TTCP", "/plans/2960%2fKH-TTCP?tab=findings", "/plans/418%2FKH-TTT/conclusion"}) {
            http().get().uri(java.net.URI.create("http://localhost:" + port + path)).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(html -> assertThat(html).as(path).contains("<div id=\"root\">"));
        }
        // what decodes to a climb out of the path is still refused
        http().get().uri(java.net.URI.create("http://localhost:" + port + "/assets%2F..%2F..%2Fapplication.yaml")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void citizensPublicPagesGetTheLightEntryRevalidated() {
        for (String path : new String[] {"/lookup", "/feedback", "/feedback/GY-7K2M9QXP", "/feedback?dossier=NA-SYT-261001-000017", "/lookup/"}) {
            http().get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                    .expectBody(String.class).value(html -> assertThat(html).as(path)
                            .contains("<div id=\"app\"").doesNotContain("<div id=\"root\">"));
        }
    }

    @Test
    void onlyThePublicPagesGetTheLightEntry() {
        for (String path : new String[] {"/", "/plans", "/feedback-inbox", "/feedback-inbox/42", "/my-dossiers", "/lookups", "/feedback/GY-1/answer"}) {
            http().get().uri(path).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(html -> assertThat(html).as(path)
                            .contains("<div id=\"root\">").doesNotContain("<div id=\"app\""));
        }
    }

    @Test
    void publicEntryLoadsNoneOfTheStaffAppsScripts() {
        String publicHtml = http().get().uri("/lookup").exchange().expectBody(String.class).returnResult().getResponseBody();
        String indexHtml = http().get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
        Matcher staffScript = Pattern.compile("/assets/(index|react|mantine|apollo|i18n|keycloak)-[A-Za-z0-9_-]+\\.(js|css)").matcher(indexHtml);
        assertThat(staffScript.find()).as("index.html references the staff app's scripts").isTrue();
        assertThat(publicHtml).doesNotContain(staffScript.group()).doesNotContainPattern("/assets/(react|mantine|apollo|i18n|keycloak)-");
        Matcher publicScript = Pattern.compile("/assets/public-[A-Za-z0-9_-]+\\.js").matcher(publicHtml);
        assertThat(publicScript.find()).as("public.html references its own script").isTrue();
        http().get().uri(publicScript.group()).exchange().expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("immutable"));
    }

    @Test
    void viteManifestIsNotPublished() {
        http().get().uri("/.vite/manifest.json").exchange().expectStatus().isNotFound();
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
