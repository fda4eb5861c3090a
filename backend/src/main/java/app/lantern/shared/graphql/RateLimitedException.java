package app.lantern.shared.graphql;

import java.time.Duration;

/** The caller made too many attempts; answered as {@link LanternErrorType#RATE_LIMITED} with {@code retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
