package app.lantern.shared.graphql;

import java.util.List;

/** A problem with a mutation's input, as the SDL's {@code UserError}: path of the field, stable code, message. */
public record UserError(List<String> field, String code, String message) {

    /** An error on {@code input.<field>} (a dotted path for nested fields). */
    public static UserError of(String inputField, String code, String message) {
        List<String> path = new java.util.ArrayList<>();
        path.add("input");
        if (inputField != null) {
            path.addAll(List.of(inputField.split("\\.")));
        }
        return new UserError(List.copyOf(path), code, message);
    }

    /** An error about the input as a whole (e.g. a transition the lifecycle does not allow). */
    public static UserError general(String code, String message) {
        return new UserError(null, code, message);
    }
}
