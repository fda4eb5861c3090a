package app.lantern.shared.graphql;

import graphql.GraphQLError;
import graphql.execution.instrumentation.fieldvalidation.FieldAndArguments;
import graphql.execution.instrumentation.fieldvalidation.FieldValidation;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a connection page larger than the limit, or negative, before any data is fetched. Runs on
 * every field of the operation with its arguments resolved, so variables are checked too.
 */
final class PageSizeValidation implements FieldValidation {

    private static final List<String> PAGE_ARGUMENTS = List.of("first", "last");

    private final int maxPageSize;

    PageSizeValidation(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @Override
    public List<GraphQLError> validateFields(FieldValidationEnvironment environment) {
        List<GraphQLError> errors = new ArrayList<>();
        for (FieldAndArguments field : environment.getFields()) {
            for (String argument : PAGE_ARGUMENTS) {
                if (field.getArgumentValue(argument) instanceof Number value) {
                    int size = value.intValue();
                    if (size > maxPageSize || size < 0) {
                        errors.add(environment.mkError("Argument '%s' of field '%s' must be between 0 and %d, was %d"
                                .formatted(argument, field.getField().getName(), maxPageSize, size), field));
                    }
                }
            }
        }
        return errors;
    }
}
