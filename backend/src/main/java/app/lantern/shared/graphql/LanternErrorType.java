package app.lantern.shared.graphql;

import graphql.ErrorClassification;

/** Error classifications beyond Spring's {@code ErrorType}, in {@code extensions.classification}. */
public enum LanternErrorType implements ErrorClassification {
    /** The request ran past its deadline; ask for less and try again. */
    REQUEST_TIMEOUT,
    /** Too many requests from this caller; {@code extensions.retryAfterSeconds} says when to retry. */
    RATE_LIMITED
}
