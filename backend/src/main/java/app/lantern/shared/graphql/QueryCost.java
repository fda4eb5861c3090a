package app.lantern.shared.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of an operation ({@link ConnectionComplexityCalculator}), worked out once per operation
 * and kept in its GraphQL context: this guard refuses an operation costing more than
 * {@code lantern.graphql.max-complexity}, and the partner limits charge the same figure.
 */
final class QueryCost extends SimplePerformantInstrumentation {

    private static final String CONTEXT_KEY = QueryCost.class.getName();

    private final int maxCost;
    private final ConnectionComplexityCalculator calculator;

    QueryCost(GraphQlGuardProperties guards) {
        this.maxCost = guards.maxComplexity();
        this.calculator = new ConnectionComplexityCalculator(guards.maxPageSize());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        int cost = of(parameters.getExecutionContext());
        if (cost > maxCost) {
            throw new AbortExecutionException("maximum query complexity exceeded " + cost + " > " + maxCost);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The operation's cost, computed by the first caller and remembered for the others. */
    int of(ExecutionContext execution) {
        Integer known = execution.getGraphQLContext().get(CONTEXT_KEY);
        if (known != null) {
            return known;
        }
        int cost = QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(calculator)
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .variables(CoercedVariables.of(costRelevant(execution.getCoercedVariables().toMap())))
                .build()
                .calculate();
        execution.getGraphQLContext().put(CONTEXT_KEY, cost);
        return cost;
    }

    /**
     * The variables as the cost sees them: only {@code first}/{@code last} (scalars) count, so list
     * and input-object values are emptied. graphql-java hashes each field's arguments, with its
     * parents', while it walks the document: with a 1,000-item sync input that hashing cost more
     * than a quarter of the request's CPU time, once for each of the two uses of the cost.
     */
    private static Map<String, Object> costRelevant(Map<String, Object> variables) {
        Map<String, Object> light = new LinkedHashMap<>();
        variables.forEach((name, value) -> light.put(name,
                value instanceof List<?> ? List.of() : value instanceof Map<?, ?> ? Map.of() : value));
        return light;
    }
}
