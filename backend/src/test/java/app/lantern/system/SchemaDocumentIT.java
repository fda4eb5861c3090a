package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import org.junit.jupiter.api.Test;

/** The SDL is published, without a token, at a stable URL. */
class SchemaDocumentIT extends ApiTestBase {

    @Test
    void theSchemaIsPublishedAsSdl() {
        String sdl = http().get().uri("/graphql/schema.graphqls").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/plain")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(sdl).contains("dossiersSync(", "dossierChanges(", "type Subscription", "dossierStatusChanged(",
                "input DossierSyncItem", "Partner systems with write", "type Dossier implements Node");
    }
}
