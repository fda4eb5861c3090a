package app.lantern.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Raw GraphQL over HTTP, for tests that look at the response's bytes (personal data, identical answers). */
public final class PublicApi {

    private PublicApi() {
    }

    public static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response body of one request; {@code token} may be null. */
    public static String post(WebTestClient http, String documentName, Map<String, Object> variables, String token) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.bodyValue(Map.of("query", document(documentName), "variables", variables))
                .exchange().expectStatus().is2xxSuccessful().expectBody(String.class).returnResult().getResponseBody();
    }
}
