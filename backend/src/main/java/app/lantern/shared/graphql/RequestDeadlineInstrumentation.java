package app.lantern.shared.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.time.Duration;

/**
 * Gives every request a deadline: once it has passed, no further field is fetched and the request
 * ends with a clear error. Statements already running are bounded by PostgreSQL's
 * {@code statement_timeout}.
 */
final class RequestDeadlineInstrumentation extends SimplePerformantInstrumentation {

    private static final String DEADLINE = RequestDeadlineInstrumentation.class.getName() + ".deadline";

    private final Duration timeout;

    RequestDeadlineInstrumentation(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        GraphQLContext context = parameters.getGraphQLContext();
        if (!context.hasKey(DEADLINE)) {
            context.put(DEADLINE, System.nanoTime() + timeout.toNanos());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        return environment -> {
            GraphQLContext context = environment.getGraphQlContext();
            Long deadline = context.get(DEADLINE);
            if (deadline != null && System.nanoTime() - deadline > 0) {
                throw new RequestTimeoutException("The request took longer than " + timeout.toSeconds()
                        + " s and was stopped; ask for fewer items or narrow the filter");
            }
            return dataFetcher.get(environment);
        };
    }
}
