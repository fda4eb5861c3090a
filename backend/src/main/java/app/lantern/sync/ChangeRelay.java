package app.lantern.sync;

import app.lantern.sync.internal.ChangeRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Brings the change feed to this instance's subscribers. One connection LISTENs on channel
 * {@code dossier_change} (the feed's triggers notify it at every commit that wrote dossiers, on
 * whichever instance) and reads the settled changes after the last one relayed, waking at least
 * every {@code lantern.sync.relay-interval} to pass changes that a longer transaction held back.
 * It reads only while this instance has subscribers, from where the earliest of them subscribed. Subscribers that fall behind lose changes rather than slow the others: they catch up with
 * the {@code dossierChanges} query.
 */
@Component
class ChangeRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeRelay.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final Duration interval;
    private final Sinks.Many<DossierChange> sink = Sinks.many().multicast().directBestEffort();
    private final java.util.concurrent.atomic.AtomicReference<DossierChange.Position> pending = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean running;
    private Thread thread;

    ChangeRelay(DataSource dataSource, @Value("${lantern.sync.relay-interval:1s}") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /**
     * Changes after {@code start} (the feed's head when the caller subscribed), by any instance, in
     * feed order. When the relay is idle it starts reading from the earliest such start, once the
     * subscriber is attached, so nothing committed after the subscription began is missed.
     */
    Flux<DossierChange> changesAfter(DossierChange.Position start) {
        pending.accumulateAndGet(start, (a, b) -> a == null || b.compareTo(a) < 0 ? b : a);
        return sink.asFlux().filter(change -> DossierChange.Position.of(change).compareTo(start) > 0);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("dossier-change-relay").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                // it notices within one wait for notifications, and then returns its connection
                thread.join(interval.multipliedBy(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        DossierChange.Position position = null;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen dossier_change");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    if (sink.currentSubscriberCount() == 0) {
                        // nobody to relay to: no reads; the next subscribers say where to start
                        position = null;
                        pg.getNotifications(pending.get() == null ? (int) interval.toMillis() : 50);
                        continue;
                    }
                    if (position == null) {
                        DossierChange.Position start = pending.getAndSet(null);
                        position = start == null ? ChangeRepository.head(connection) : start;
                    }
                    List<DossierChange> changes;
                    do {
                        changes = ChangeRepository.after(connection, position, BATCH);
                        for (DossierChange change : changes) {
                            sink.tryEmitNext(change);
                            position = new DossierChange.Position(change.xid(), change.id());
                        }
                    } while (changes.size() == BATCH);
                    pg.getNotifications((int) interval.toMillis());
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Change relay lost its database connection ({}); reconnecting", e.getMessage());
                    sleep();
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Change relay failed; restarting it", e);
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
