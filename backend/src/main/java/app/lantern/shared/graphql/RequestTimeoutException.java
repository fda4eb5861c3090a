package app.lantern.shared.graphql;

/** The request's deadline passed; no further field is fetched. */
public class RequestTimeoutException extends RuntimeException {

    public RequestTimeoutException(String message) {
        super(message);
    }
}
