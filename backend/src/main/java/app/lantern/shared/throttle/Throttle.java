package app.lantern.shared.throttle;

import app.lantern.shared.graphql.RateLimitedException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window attempt counters kept in PostgreSQL ({@code request_throttle}), so that every
 * backend instance behind a load balancer counts the same attempts. Counting and deciding are one
 * {@code INSERT … ON CONFLICT DO UPDATE … RETURNING} statement: the row lock orders concurrent
 * attempts, whichever instance they reach, and each sees the count including its own.
 *
 * <p>An attempt joins the caller's transaction when there is one (a mutation that checks a code
 * counts the attempt when it commits, also when it answers "no match"), so a request never holds
 * two pooled connections at once; call it outside read-only transactions.
 */
@Service
public class Throttle {

    private static final long CLEAN_EVERY = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicLong calls = new AtomicLong();

    Throttle(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** A limit: at most {@code attempts} per {@code window}. */
    public record Limit(int attempts, Duration window) {
    }

    /**
     * Counts one attempt in {@code bucket}; throws {@link RateLimitedException} with the time
     * until the window ends when this attempt is over the limit.
     */
    public void attempt(String bucket, Limit limit, String message) {
        record Count(int attempts, OffsetDateTime windowEnds, OffsetDateTime now) {
        }
        Count count = transaction.execute(status -> jdbc.sql("""
                        insert into request_throttle as t (bucket, window_started_at, expires_at, attempts)
                        values (:bucket, statement_timestamp(), statement_timestamp() + make_interval(secs => :secs), 1)
                        on conflict (bucket) do update set
                            window_started_at = case when t.expires_at <= statement_timestamp() then statement_timestamp()
                                                     else t.window_started_at end,
                            expires_at = case when t.expires_at <= statement_timestamp()
                                              then statement_timestamp() + make_interval(secs => :secs) else t.expires_at end,
                            attempts = case when t.expires_at <= statement_timestamp() then 1 else t.attempts + 1 end
                        returning attempts, expires_at, statement_timestamp() as now""")
                .param("bucket", bucket).param("secs", (double) limit.window().toSeconds())
                .query((rs, n) -> new Count(rs.getInt("attempts"), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("now", OffsetDateTime.class)))
                .single());
        if (calls.incrementAndGet() % CLEAN_EVERY == 0) {
            transaction.executeWithoutResult(status -> jdbc.sql(
                    "delete from request_throttle where expires_at < statement_timestamp() - interval '1 hour'").update());
        }
        if (count.attempts() > limit.attempts()) {
            throw new RateLimitedException(message, Duration.between(count.now(), count.windowEnds()));
        }
    }

    /** Gives back one attempt of the current window (e.g. after a lookup that succeeded). */
    public void refund(String bucket) {
        transaction.executeWithoutResult(status -> jdbc.sql("update request_throttle set attempts = attempts - 1"
                + " where bucket = :bucket and attempts > 0 and expires_at > statement_timestamp()").param("bucket", bucket).update());
    }
}
