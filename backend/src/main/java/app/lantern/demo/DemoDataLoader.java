package app.lantern.demo;

import app.lantern.calendar.CalendarService;
import app.lantern.inspection.finding.ConclusionRecorder;
import app.lantern.inspection.selfreport.SubmissionRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on first start (a {@code demo_dataset} row marks it loaded, so restarts
 * do nothing), and appends {@code lantern.demo.bulk-dossiers} more dossiers when asked, for
 * benchmarks. See docs/benchmark.md.
 */
@Component
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String DEFAULT_SET = "default";
    static final String PLANS_SET = "plans";
    static final String FINDINGS_SET = "plan-findings";
    private static final int BULK_CHUNK = 250_000;

    private final DemoProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CalendarService calendar;
    private final ConclusionRecorder conclusions;
    private final SubmissionRecorder submissions;

    DemoDataLoader(DemoProperties properties, DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions,
                   CalendarService calendar, ConclusionRecorder conclusions, SubmissionRecorder submissions) {
        this.conclusions = conclusions;
        this.submissions = submissions;
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            loadDefaultSet();
            loadPlans();
            loadFindings();
        }
        if (properties.bulkDossiers() > 0) {
            appendBulk(properties.bulkDossiers());
        }
    }

    /** Creates the default set unless it exists; true when it was created now. */
    boolean loadDefaultSet() {
        Boolean created = transactions.execute(status -> {
            jdbc.sql("lock table demo_dataset in exclusive mode").update();
            if (jdbc.sql("select count(*) from demo_dataset where name = :name").param("name", DEFAULT_SET)
                    .query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            DemoCatalogue catalogue = new DemoCatalogue(properties.seed(), nextId("unit"), nextId("official"),
                    nextId("procedure"), nextId("procedure_step"));
            DemoDataGenerator generator = new DemoDataGenerator(catalogue, calendar.workingDays(), properties.seed(), properties.until());
            long firstDossier = nextId("dossier");
            long events = withConnection(connection -> {
                generator.writeCatalogue(connection);
                return generator.writeDossiers(connection, firstDossier, properties.dossiers(),
                        generator.defaultDays(firstDossier, properties.dossiers()));
            });
            resetIdentities();
            long millis = (System.nanoTime() - started) / 1_000_000;
            jdbc.sql("insert into demo_dataset (name, seed, dossiers, millis) values (:name, :seed, :dossiers, :millis)")
                    .param("name", DEFAULT_SET).param("seed", properties.seed()).param("dossiers", properties.dossiers())
                    .param("millis", millis).update();
            log.info("Demo data: {} units, {} officials, {} procedures, {} dossiers with {} events generated in {} ms",
                    catalogue.units.size(), catalogue.officials.size(), catalogue.procedures.size(), properties.dossiers(),
                    events, millis);
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            jdbc.sql("analyze").update();
        }
        return Boolean.TRUE.equals(created);
    }

    /**
     * Adds the demo inspection plans (Plan 2960/KH-TTCP) unless done before, marked like the
     * default set by a {@code demo_dataset} row, so databases created before plans existed get
     * them on their next start; true when they were added now.
     */
    boolean loadPlans() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("lock table demo_dataset in exclusive mode").update();
            if (jdbc.sql("select count(*) from demo_dataset where name = :name").param("name", PLANS_SET).query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            boolean added = DemoPlans.load(jdbc, submissions);
            jdbc.sql("insert into demo_dataset (name, seed, dossiers, millis) values (:name, :seed, 0, :millis)")
                    .param("name", PLANS_SET).param("seed", properties.seed())
                    .param("millis", (System.nanoTime() - started) / 1_000_000).update();
            log.info("Demo data: plan {} {}", DemoPlans.NUMBER, added ? "added" : "exists already");
            return added;
        }));
    }

    /**
     * Adds the demo findings (two on plan 2960, plan 418/KH-TTT in follow-up with its conclusion and
     * findings) unless done before, marked by a {@code demo_dataset} row of its own so that
     * databases loaded before findings existed get them too; true when they were added now.
     */
    boolean loadFindings() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("lock table demo_dataset in exclusive mode").update();
            if (jdbc.sql("select count(*) from demo_dataset where name = :name").param("name", FINDINGS_SET).query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            boolean added = DemoPlans.loadFindings(jdbc, conclusions);
            jdbc.sql("insert into demo_dataset (name, seed, dossiers, millis) values (:name, :seed, 0, :millis)")
                    .param("name", FINDINGS_SET).param("seed", properties.seed())
                    .param("millis", (System.nanoTime() - started) / 1_000_000).update();
            log.info("Demo data: findings and plan {} {}", DemoPlans.FOLLOW_UP_NUMBER, added ? "added" : "exist already");
            return added;
        }));
    }

    /** Appends {@code count} dossiers for the demo catalogue, in transactions of 250,000. */
    void appendBulk(int count) {
        appendBulk(count, true);
    }

    /**
     * Appends {@code count} dossiers, with their events and step overruns when {@code history}; the
     * indicator rollup follows through its statement triggers (one aggregate per COPY batch).
     */
    void appendBulk(int count, boolean history) {
        if (jdbc.sql("select count(*) from demo_dataset where name = :name").param("name", DEFAULT_SET).query(Long.class).single() == 0) {
            throw new IllegalStateException("lantern.demo.bulk-dossiers needs the demo catalogue: start once with lantern.demo.enabled=true");
        }
        long started = System.nanoTime();
        // the catalogue as it was generated: ids from 1 in a fresh database
        DemoCatalogue catalogue = new DemoCatalogue(properties.seed(), 1, 1, 1, 1);
        long bulkSeed = properties.seed() + 1;
        DemoDataGenerator generator = new DemoDataGenerator(catalogue, calendar.workingDays(), bulkSeed, properties.until());
        int done = 0;
        while (done < count) {
            int chunk = Math.min(BULK_CHUNK, count - done);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("lock table dossier in exclusive mode").update();
                long first = nextId("dossier");
                withConnection(connection -> generator.writeDossiers(connection, first, chunk, generator.evenDays(), history));
                resetIdentities();
            });
            done += chunk;
            log.info("Bulk demo data: {} of {} dossiers written ({} s)", done, count, (System.nanoTime() - started) / 1_000_000_000);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        transactions.executeWithoutResult(status -> jdbc.sql("insert into demo_dataset (name, seed, dossiers, millis) values"
                        + " (:name, :seed, :dossiers, :millis)")
                .param("name", "bulk-" + System.currentTimeMillis()).param("seed", bulkSeed).param("dossiers", count)
                .param("millis", millis).update());
        jdbc.sql("analyze").update();
        log.info("Bulk demo data: {} dossiers appended in {} ms", count, millis);
    }

    private long nextId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
    }

    private void resetIdentities() {
        for (String table : new String[] {"unit", "official", "procedure", "procedure_step", "dossier"}) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 0) + 1 from "
                    + table + "), false)").query(Long.class).single();
        }
    }

    private interface ConnectionWork {
        long run(Connection connection) throws SQLException;
    }

    private long withConnection(ConnectionWork work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the demo data failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
