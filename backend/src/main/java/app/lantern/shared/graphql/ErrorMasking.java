package app.lantern.shared.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The last word on exceptions from data fetchers: known ones become typed errors with a clear
 * message, anything else an opaque INTERNAL_ERROR carrying an id that the log has too, with the
 * stack trace. Security exceptions are left to Spring's resolver (UNAUTHORIZED / FORBIDDEN).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorMasking extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ErrorMasking.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return null;
        }
        if (ex instanceof NotFoundException notFound) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.NOT_FOUND).message(notFound.getMessage()).build();
        }
        if (ex instanceof RequestTimeoutException timeout) {
            return GraphqlErrorBuilder.newError(env).errorType(LanternErrorType.REQUEST_TIMEOUT).message(timeout.getMessage()).build();
        }
        if (ex instanceof RateLimitedException limited) {
            return GraphqlErrorBuilder.newError(env).errorType(LanternErrorType.RATE_LIMITED).message(limited.getMessage())
                    .extensions(Map.of("retryAfterSeconds", limited.retryAfterSeconds())).build();
        }
        if (ex instanceof InvalidInputException invalid) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(invalid.getMessage())
                    .extensions(Map.of("argument", invalid.argument())).build();
        }
        if (ex instanceof ConstraintViolationException invalid) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(invalid.getMessage()).build();
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} in {} at {}", errorId, env.getOperationDefinition() == null ? "?"
                : env.getOperationDefinition().getName(), env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Something went wrong on our side. Please try again; if it persists, quote error id " + errorId)
                .extensions(Map.of("errorId", errorId))
                .build();
    }
}
