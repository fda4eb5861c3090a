package app.lantern.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;

/** Unknown failures reach the client as an opaque error id that the log has too, with the details. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorMaskingTest {

    private final ErrorMasking masking = new ErrorMasking();

    private static DataFetchingEnvironment field(String name) {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(graphql.Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment(name)).build())
                .mergedField(MergedField.newMergedField(Field.newField(name).build()).build())
                .build();
    }

    @Test
    void unknownFailureIsMaskedWithAnErrorIdThatTheLogHas(CapturedOutput output) {
        var failure = new IllegalStateException("duplicate key value violates unique constraint \"secret_idx\"");

        List<GraphQLError> errors = masking.resolveException(failure, field("boom")).block();

        assertThat(errors).hasSize(1);
        GraphQLError error = errors.getFirst();
        assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(error.getMessage()).doesNotContain("duplicate key").doesNotContain("IllegalStateException");
        String errorId = (String) error.getExtensions().get("errorId");
        assertThat(errorId).isNotBlank();
        assertThat(error.getMessage()).contains(errorId);
        assertThat(output.getAll()).contains(errorId).contains("duplicate key value violates unique constraint");
    }

    @Test
    void notFoundAndBadArgumentsAreNamedAndSecurityIsLeftToSpring() {
        assertThat(masking.resolveException(new NotFoundException("No Dossier with ID x"), field("dossier")).block())
                .singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("No Dossier with ID x");
                });
        assertThat(masking.resolveException(new InvalidInputException("after", "bad cursor"), field("list")).block())
                .singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("argument", "after");
                });
        assertThat(masking.resolveException(new AccessDeniedException("no"), field("x")).block()).isNullOrEmpty();
    }

    @Test
    void tooManyAttemptsSayWhenToRetryInWholeSeconds() {
        assertThat(masking.resolveException(new RateLimitedException("Too many lookups", java.time.Duration.ofMillis(41_200)),
                field("dossierLookup")).block())
                .singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(LanternErrorType.RATE_LIMITED);
                    assertThat(e.getMessage()).isEqualTo("Too many lookups");
                    assertThat(e.getExtensions()).containsEntry("retryAfterSeconds", 42L);
                });
    }
}
