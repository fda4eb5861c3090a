package app.lantern.shared.graphql;

/**
 * A query argument is malformed (a bad cursor, a filter that contradicts itself). Mutations report
 * bad input as {@code userErrors} in their payload instead.
 */
public class InvalidInputException extends RuntimeException {

    private final String argument;

    public InvalidInputException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
