package app.lantern.shared.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * Cost of a field: 1 plus its selection, multiplied by the page size when the field is a page of a
 * connection ({@code first}/{@code last}), so that nested connections cannot multiply unnoticed.
 */
final class ConnectionComplexityCalculator implements FieldComplexityCalculator {

    private final int defaultPageSize;

    ConnectionComplexityCalculator(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Object first = environment.getArguments().get("first");
        Object last = environment.getArguments().get("last");
        boolean isConnection = environment.getFieldDefinition().getType().toString().endsWith("Connection")
                || environment.getFieldDefinition().getType().toString().endsWith("Connection!");
        int multiplier = 1;
        if (first instanceof Number n) {
            multiplier = Math.max(1, n.intValue());
        } else if (last instanceof Number n) {
            multiplier = Math.max(1, n.intValue());
        } else if (isConnection) {
            multiplier = defaultPageSize;
        }
        long cost = 1L + (long) childComplexity * multiplier;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }
}
