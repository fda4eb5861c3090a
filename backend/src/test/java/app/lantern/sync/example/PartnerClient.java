package app.lantern.sync.example;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner system's client of the Lantern API, as docs/partners.md shows it: a token by client
 * credentials, a bulk sync, and following the change feed from a stored cursor. Compiled and run by
 * {@code PartnerKeycloakIT} against a real Keycloak, so the guide's example cannot rot.
 */
public final class PartnerClient {

    private static final String SYNC = """
            mutation Sync($input: DossiersSyncInput!) {
              dossiersSync(input: $input) {
                results { index externalId outcome dossierId status eventsAppended }
                userErrors { field code message }
              }
            }""";

    private static final String CHANGES = """
            query Changes($after: String, $first: Int) {
              dossierChanges(after: $after, first: $first) {
                pageInfo { hasNextPage endCursor }
                nodes { receiptCode fromStatus toStatus version changedAt unit { code } }
              }
            }""";

    /** One item's outcome, as {@code DossierSyncResult}. */
    public record SyncResult(int index, String externalId, String outcome, String dossierId, String status, int eventsAppended) {
    }

    /** A refused item's problem, as {@code UserError}. */
    public record UserError(List<String> field, String code, String message) {
    }

    /** A change of the feed, as {@code DossierChange} with the fields asked for. */
    public record Change(String receiptCode, String fromStatus, String toStatus, int version, String changedAt, Map<String, String> unit) {
    }

    /** A page of changes and the cursor to store for the next call. */
    public record Changes(List<Change> changes, String endCursor, boolean hasNextPage) {
    }

    private final HttpGraphQlClient graphQl;

    /** @param lanternUrl e.g. {@code https://lantern.example.org} */
    public PartnerClient(String lanternUrl, String accessToken) {
        this.graphQl = HttpGraphQlClient.builder(WebClient.create(lanternUrl + "/graphql"))
                .headers(headers -> headers.setBearerAuth(accessToken))
                .build();
    }

    /** An access token by the client credentials grant (refresh it before {@code expires_in} runs out). */
    public static String clientCredentialsToken(String tokenEndpoint, String clientId, String clientSecret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request refused: " + response.statusCode() + " " + response.body());
        }
        return (String) JsonMapper.builder().build().readValue(response.body(), Map.class).get("access_token");
    }

    /** Sends up to 1,000 dossiers of {@code source}; each result says CREATED, UPDATED, UNCHANGED or REJECTED. */
    public List<SyncResult> sync(String source, List<Map<String, Object>> items, List<UserError> userErrors) {
        ClientGraphQlResponse response = graphQl.document(SYNC)
                .variable("input", Map.of("source", source, "items", items))
                .executeSync();
        failOnErrors(response);
        userErrors.addAll(response.field("dossiersSync.userErrors").toEntityList(UserError.class));
        return response.field("dossiersSync.results").toEntityList(SyncResult.class);
    }

    /** The changes after {@code cursor} (null: from the beginning of the feed); store {@code endCursor} for the next call. */
    public Changes changesAfter(String cursor, int first) {
        ClientGraphQlResponse response = graphQl.document(CHANGES)
                .variable("after", cursor)
                .variable("first", first)
                .executeSync();
        failOnErrors(response);
        return new Changes(response.field("dossierChanges.nodes").toEntityList(Change.class),
                response.field("dossierChanges.pageInfo.endCursor").toEntity(String.class),
                Boolean.TRUE.equals(response.field("dossierChanges.pageInfo.hasNextPage").toEntity(Boolean.class)));
    }

    /** Top-level errors: RATE_LIMITED says when to retry; anything else is for a person to look at. */
    private static void failOnErrors(ClientGraphQlResponse response) {
        response.getErrors().stream().findFirst().ifPresent(error -> {
            Object retryAfter = error.getExtensions().get("retryAfterSeconds");
            if (retryAfter != null) {
                throw new RateLimited(error.getMessage(), Duration.ofSeconds(((Number) retryAfter).longValue()));
            }
            throw new IllegalStateException(error.getErrorType() + ": " + error.getMessage());
        });
    }

    /** The partner's limits were reached: try again after {@code retryAfter}. */
    public static final class RateLimited extends RuntimeException {
        private final Duration retryAfter;

        RateLimited(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
