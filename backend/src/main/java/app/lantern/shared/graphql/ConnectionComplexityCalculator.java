package app.lantern.shared.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * Cost of a field: 1 plus its selection, multiplied by the page size when the field is a page of a
 * connection ({@code first}/{@code last}), so that nested connections cannot multiply unnoticed.
 */
final class ConnectionComplexityCalculator implements FieldComplexityCalculator {

    private final int maxPageSize;

    /**
     * @param maxPageSize pages larger than this are refused by {@code PageSizeValidation} with a
     *                    clearer message, so they are costed as if at the limit
     */
    ConnectionComplexityCalculator(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Object first = environment.getArguments().get("first");
        Object last = environment.getArguments().get("last");
        boolean isConnection = environment.getFieldDefinition().getType().toString().endsWith("Connection")
                || environment.getFieldDefinition().getType().toString().endsWith("Connection!");
        int multiplier = 1;
        if (first instanceof Number n) {
            multiplier = n.intValue();
        } else if (last instanceof Number n) {
            multiplier = n.intValue();
        } else if (isConnection) {
            multiplier = PageRequest.DEFAULT_SIZE;
        }
        multiplier = Math.clamp(multiplier, 1, maxPageSize);
        long cost = 1L + (long) childComplexity * multiplier;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }
}
