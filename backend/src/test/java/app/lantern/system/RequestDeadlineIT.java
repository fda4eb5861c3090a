package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A request past its deadline fetches nothing more and says why. The deadline here is zero. */
@TestPropertySource(properties = "lantern.graphql.timeout=0s")
class RequestDeadlineIT extends ApiTestBase {

    @Test
    void aRequestPastItsDeadlineStopsWithAClearMessage() {
        inspector().documentName("auditRecords").variable("first", 5).execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors.getFirst().getMessage()).contains("took longer than");
        });
    }
}
