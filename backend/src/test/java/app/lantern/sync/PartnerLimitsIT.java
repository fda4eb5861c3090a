package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.LanternErrorType;
import app.lantern.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

/**
 * Per-partner limits (see application-test.yaml for the test partners' budgets): a burst past the
 * requests-per-second limit is refused with RATE_LIMITED and when to retry, without slowing another
 * partner; a spent cost budget refuses even cheap operations until the minute ends.
 */
class PartnerLimitsIT extends ApiTestBase {

    private HttpGraphQlTester limited(String clientId) {
        return as(tokens().partner(clientId, List.of("*"), List.of()));
    }

    /** The RATE_LIMITED error of a {@code me} call, or null when it ran. */
    private static ResponseError meCall(HttpGraphQlTester tester) {
        List<ResponseError> refused = new ArrayList<>();
        tester.documentName("me").execute().errors().satisfy(errors -> refused.addAll(errors));
        assertThat(refused).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo(LanternErrorType.RATE_LIMITED.name()));
        return refused.isEmpty() ? null : refused.getFirst();
    }

    @Test
    void aBurstIsRefusedWithWhenToRetryAndAnotherPartnerIsNotSlowed() {
        HttpGraphQlTester a = limited("lantern-partner-limited-a");
        HttpGraphQlTester b = limited("lantern-partner-limited-b");
        List<ResponseError> refusedA = new ArrayList<>();
        int servedB = 0;
        for (int i = 0; i < 12; i++) {
            ResponseError error = meCall(a);
            if (error != null) {
                refusedA.add(error);
                // the other partner, interleaved with the burst, gets its first requests served
                if (servedB < 2 && meCall(b) == null) {
                    servedB++;
                }
            }
        }
        assertThat(refusedA).as("12 requests at 3 per second").hasSizeGreaterThanOrEqualTo(6);
        assertThat(servedB).isEqualTo(2);
        ResponseError first = refusedA.getFirst();
        assertThat(first.getMessage()).contains("3 operations per second");
        assertThat(first.getExtensions()).containsEntry("retryAfterSeconds", 1).containsEntry("limit", "REQUESTS_PER_SECOND");
    }

    @Test
    void theRetryAfterHeaderTellsHttpClientsWhenToComeBack() {
        String token = tokens().partner("lantern-partner-limited-a", List.of("*"), List.of());
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 10 && retryAfter.isEmpty(); i++) {
            http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(token))
                    .bodyValue(Map.of("query", "{ me { username } }")).exchange()
                    .expectHeader().value("Retry-After", v -> { })
                    .returnResult(String.class).getResponseHeaders().getOrEmpty("Retry-After").forEach(retryAfter::add);
        }
        assertThat(retryAfter).containsExactly("1");
    }

    @Test
    void aSpentCostBudgetRefusesEvenCheapOperationsUntilTheMinuteEnds() {
        HttpGraphQlTester costly = limited("lantern-partner-limited-cost");
        List<ResponseError> errors = new ArrayList<>();
        costly.documentName("dossiers").variable("first", 100).execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(LanternErrorType.RATE_LIMITED.name());
            assertThat(e.getExtensions()).containsEntry("limit", "COST_PER_MINUTE");
            assertThat((Integer) e.getExtensions().get("retryAfterSeconds")).isBetween(1, 60);
        });
        assertThat(meCall(costly)).isNotNull();
    }
}
