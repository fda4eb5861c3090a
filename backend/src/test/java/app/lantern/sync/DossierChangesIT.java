package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change feed: commit order without gaps or duplicates under concurrent writers, for a reader
 * that resumes from its last cursor; scoped to the caller's units; refused to everybody else.
 */
class DossierChangesIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private record Page(List<String> cursors, List<String> receiptCodes, String endCursor, boolean hasNext) {
    }

    private static Page page(HttpGraphQlTester tester, String after, int first, List<String> units) {
        GraphQlTester.Request<?> request = tester.documentName("dossierChanges").variable("after", after).variable("first", first);
        if (units != null) {
            request = request.variable("units", units);
        }
        GraphQlTester.Response response = request.execute();
        return new Page(response.path("dossierChanges.edges[*].cursor").entityList(String.class).get(),
                response.path("dossierChanges.edges[*].node.receiptCode").entityList(String.class).get(),
                response.path("dossierChanges.pageInfo.endCursor").entity(String.class).get(),
                response.path("dossierChanges.pageInfo.hasNextPage").entity(Boolean.class).get());
    }

    /** The cursor after the last change now visible. */
    private String end(HttpGraphQlTester tester) {
        String cursor = null;
        Page p;
        do {
            p = page(tester, cursor, 100, null);
            cursor = p.endCursor();
        } while (p.hasNext());
        return cursor;
    }

    private static long changeId(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
        return Long.parseLong(parts[2]);
    }

    private List<Long> dossierIds(String unit, int count) {
        return jdbc.sql("select d.id from dossier d join unit u on u.id = d.unit_id where u.code = :unit order by d.id limit :n")
                .param("unit", unit).param("n", count).query(Long.class).list();
    }

    private String receiptCode(long id) {
        return jdbc.sql("select receipt_code from dossier where id = :id").param("id", id).query(String.class).single();
    }

    private static void touch(Connection connection, long dossierId) throws Exception {
        try (PreparedStatement s = connection.prepareStatement("update dossier set version = version + 1 where id = ?")) {
            s.setLong(1, dossierId);
            s.executeUpdate();
        }
    }

    @Test
    void aChangeCommittedEarlierIsHeldBackWhileAnOlderWriterIsStillRunning() throws Exception {
        List<Long> ids = dossierIds("NA-SYT", 2);
        HttpGraphQlTester reader = portal();
        String start = end(reader);
        try (Connection older = dataSource.getConnection(); Connection younger = dataSource.getConnection()) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            touch(older, ids.get(0));
            touch(younger, ids.get(1));
            younger.commit();

            Page whileOlderRuns = page(reader, start, 10, null);
            assertThat(whileOlderRuns.receiptCodes()).as("the younger commit waits for the older writer").isEmpty();
            assertThat(whileOlderRuns.endCursor()).isEqualTo(start);

            older.commit();
        }
        Page after = page(portal(), start, 10, null);
        assertThat(after.receiptCodes()).containsExactly(receiptCode(ids.get(0)), receiptCode(ids.get(1)));
        assertThat(page(portal(), after.endCursor(), 10, null).receiptCodes()).isEmpty();
    }

    @Test
    void aReaderResumingFromItsCursorGetsEveryChangeOnceInOrderWhileWritersRace() throws Exception {
        List<Long> ids = dossierIds("NA-STNMT", 40);
        String start = end(portal());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int t = 0; t < 25; t++) {
                    // rows locked in id order, so that the writers never deadlock
                    java.util.SortedSet<Long> touched = new java.util.TreeSet<>();
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        touched.add(ids.get(random.nextInt(ids.size())));
                    }
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        for (long id : touched) {
                            touch(c, id);
                            Thread.sleep(random.nextInt(8));
                        }
                        if (random.nextInt(6) == 0) {
                            c.rollback();
                        } else {
                            c.commit();
                        }
                    }
                }
                return null;
            }));
        }
        List<String> seen = new ArrayList<>();
        String cursor = start;
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread finisher = Thread.ofVirtual().start(() -> {
            try {
                for (Future<?> f : writers) {
                    f.get();
                }
            } catch (Exception e) {
                writerFailure.set(e);
            } finally {
                writing.set(false);
            }
        });
        int pages = 0;
        while (writing.get() || pages < 3) {
            // a new client each time: only the cursor survives, as across a restart of the partner's system
            Page p = page(portal(), cursor, 1 + ThreadLocalRandom.current().nextInt(7), null);
            seen.addAll(p.cursors());
            cursor = p.endCursor();
            if (!writing.get() && !p.hasNext()) {
                pages++;
            }
        }
        finisher.join();
        pool.shutdown();
        assertThat(writerFailure.get()).as("writers").isNull();

        List<Long> expected = jdbc.sql("""
                        select c.id from dossier_change c where (c.xid, c.id) > (
                            select c0.xid, c0.id from dossier_change c0 where c0.id = :start) order by c.xid, c.id""")
                .param("start", changeId(start)).query(Long.class).list();
        List<Long> read = seen.stream().map(DossierChangesIT::changeId).toList();
        assertThat(new HashSet<>(read)).as("no duplicates").hasSameSizeAs(read);
        assertThat(read).as("every committed change, in commit order").isEqualTo(expected).isNotEmpty();
    }

    @Test
    void theFeedKeepsToTheCallersUnitsAndTheUnitsAsked() throws Exception {
        long syt = dossierIds("NA-SYT", 1).getFirst();
        long stnmt = dossierIds("NA-STNMT", 1).getFirst();
        HttpGraphQlTester sytPartner = as(tokens().partner("lantern-partner-syt", List.of("NA-SYT"), List.of()));
        String sytStart = end(sytPartner);
        String portalStart = end(portal());
        try (Connection c = dataSource.getConnection()) {
            touch(c, syt);
            touch(c, stnmt);
        }
        Page sytPage = page(sytPartner, sytStart, 10, null);
        assertThat(sytPage.receiptCodes()).containsExactly(receiptCode(syt));
        assertThat(changeId(sytPage.endCursor())).as("the cursor moves past the other unit's change it skipped")
                .isGreaterThan(changeId(sytPage.cursors().getLast()));
        assertThat(page(sytPartner, sytPage.endCursor(), 10, null).receiptCodes()).isEmpty();
        assertThat(page(portal(), portalStart, 10, null).receiptCodes()).containsExactly(receiptCode(syt), receiptCode(stnmt));
        long stnmtUnit = jdbc.sql("select id from unit where code = 'NA-STNMT'").query(Long.class).single();
        assertThat(page(portal(), portalStart, 10, List.of(NodeId.encode("Unit", stnmtUnit))).receiptCodes())
                .containsExactly(receiptCode(stnmt));
    }

    @Test
    void callersWhoReadNoUnitAreRefusedAndBadCursorsNamed() {
        for (HttpGraphQlTester refused : List.of(partner(), citizen())) {
            refused.documentName("dossierChanges").variable("first", 5).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        anonymous().documentName("dossierChanges").variable("first", 5).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        portal().documentName("dossierChanges").variable("after", "not-a-cursor").variable("first", 5).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.BAD_REQUEST));
    }
}
