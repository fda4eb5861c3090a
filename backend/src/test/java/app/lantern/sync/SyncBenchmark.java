package app.lantern.sync;

import app.lantern.support.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dossiersSync} against a plain {@code INSERT … ON CONFLICT DO UPDATE} of the same rows, in the
 * same run, both with 1,000-dossier batches in one transaction each: sync over HTTP as a partner
 * (JSON, validation, lifecycle replay, events, audit, change feed), the plain path as ONE statement
 * per batch upserting the dossier rows and their event rows ({@code INSERT … SELECT … FROM unnest(…)},
 * with the same triggers the sync pays: indicator rollups and change feed). The plain upsert of the
 * dossier rows alone is measured too, for reference.
 * Not part of the suite: runs only with {@code -Dlantern.bench=true}; see docs/benchmark.md.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "lantern.bench", matches = "true",
        disabledReason = "a benchmark: run it with -Dlantern.bench=true (docs/benchmark.md)")
class SyncBenchmark extends ApiTestBase {

    private static final int BATCH = 1000;
    private static final int BATCHES = Integer.getInteger("lantern.bench.sync-batches", 10);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private record Row(String externalId, String receiptCode, long unitId, long procedureId, Instant receivedAt, LocalDate due) {
    }

    @Test
    void syncAgainstPlainUpsert() throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        Map<String, Object> procedure = jdbc.sql("""
                        select p.id, p.national_code, u.id as unit_id from procedure p join unit u on u.id = p.unit_id
                        where u.code = 'NA-SYT' and p.review_state <> 'ABOLISHED' order by p.national_code limit 1""")
                .query().singleRow();
        String token = tokens().partner("lantern-partner-nghean", List.of("NA"), List.of("NA"));
        String document = Files.readString(Path.of("src/test/resources/graphql-test/dossiersSync.graphql"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        // warm-up of every path
        sync(token, document, items("warm-" + run, 0, procedure));
        plain(rows("warm-" + run, 0, procedure), "bench-plain", true);
        plain(rows("warm-" + run, 0, procedure), "bench-plain-dossiers", false);

        long syncNanos = 0;
        long plainNanos = 0;
        long plainDossiersNanos = 0;
        long resendNanos = 0;
        for (int b = 1; b <= BATCHES; b++) {
            // interleaved, so that both meet the same machine load and table size
            List<Map<String, Object>> items = items(run, b, procedure);
            long t0 = System.nanoTime();
            sync(token, document, items);
            syncNanos += System.nanoTime() - t0;
            long t1 = System.nanoTime();
            sync(token, document, items);
            resendNanos += System.nanoTime() - t1;
            List<Row> rows = rows(run, b, procedure);
            long t2 = System.nanoTime();
            plain(rows, "bench-plain", true);
            plainNanos += System.nanoTime() - t2;
            long t3 = System.nanoTime();
            plain(rows, "bench-plain-dossiers", false);
            plainDossiersNanos += System.nanoTime() - t3;
        }
        // the same again with the change-feed triggers off: what feeding the feed costs the sync
        long untriggeredNanos = 0;
        jdbc.sql("alter table dossier disable trigger dossier_change_on_insert").update();
        jdbc.sql("alter table dossier disable trigger dossier_change_on_update").update();
        try {
            for (int b = 1; b <= BATCHES; b++) {
                List<Map<String, Object>> items = items(run + "-untriggered", b, procedure);
                long t0 = System.nanoTime();
                sync(token, document, items);
                untriggeredNanos += System.nanoTime() - t0;
            }
        } finally {
            jdbc.sql("alter table dossier enable trigger dossier_change_on_insert").update();
            jdbc.sql("alter table dossier enable trigger dossier_change_on_update").update();
        }
        long n = (long) BATCHES * BATCH;
        double untriggeredRate = n / (untriggeredNanos / 1e9);
        double syncRate = n / (syncNanos / 1e9);
        double plainRate = n / (plainNanos / 1e9);
        double plainDossiersRate = n / (plainDossiersNanos / 1e9);
        double resendRate = n / (resendNanos / 1e9);
        String table = """

                %d batches of %,d dossiers (4 events each), 1 transaction per batch; rates in dossiers per second; load average at start: %s

                | path | dossiers/s | vs plain upsert of the same rows | vs plain upsert of the dossier rows alone |
                |---|---:|---:|---:|
                | plain upsert of the same rows the sync stores: the dossiers and their 4 events each (1 statement per batch) | %,.0f | 100 %% | |
                | plain upsert of the dossier rows alone (1 statement per batch) | %,.0f | | 100 %% |
                | `dossiersSync`, new dossiers with their events and audit records | %,.0f | %.0f %% | %.0f %% |
                | `dossiersSync`, the same batch re-sent (all `UNCHANGED`) | %,.0f | %.0f %% | %.0f %% |
                | `dossiersSync`, new dossiers, change-feed triggers disabled (for their cost only) | %,.0f | %.0f %% | %.0f %% |
                """.formatted(BATCHES, BATCH, load, plainRate, plainDossiersRate,
                syncRate, 100 * syncRate / plainRate, 100 * syncRate / plainDossiersRate,
                resendRate, 100 * resendRate / plainRate, 100 * resendRate / plainDossiersRate,
                untriggeredRate, 100 * untriggeredRate / plainRate, 100 * untriggeredRate / plainDossiersRate);
        System.out.println(table);
        Files.writeString(Path.of("target", "sync-benchmark.md"), table);
    }

    private List<Map<String, Object>> items(String run, int batch, Map<String, Object> procedure) {
        List<Map<String, Object>> items = new ArrayList<>(BATCH);
        Instant base = OffsetDateTime.parse("2024-03-04T08:00:00+07:00").toInstant();
        for (int i = 0; i < BATCH; i++) {
            String id = run + "-" + batch + "-" + i;
            Instant received = base.plusSeconds(60L * i);
            items.add(Map.of("externalId", id, "receiptCode", "B-" + id, "unitCode", "NA-SYT",
                    "procedureCode", procedure.get("national_code"),
                    "applicant", Map.of("kind", "PERSON", "name", "Nguyễn Văn An " + i, "identityNumber", "040190000123",
                            "phone", "0912345678", "address", "12 Lê Lợi, TP. Vinh"),
                    "channel", "ONLINE", "onlinePayment", true,
                    "events", List.of(
                            DossierSyncIT.event("RECEIVE", received),
                            DossierSyncIT.event("ADVANCE", received.plusSeconds(3600)),
                            DossierSyncIT.event("RESOLVE", received.plusSeconds(86_400), "result", "QĐ " + i),
                            DossierSyncIT.event("RETURN", received.plusSeconds(90_000)))));
        }
        return items;
    }

    private List<Row> rows(String run, int batch, Map<String, Object> procedure) {
        List<Row> rows = new ArrayList<>(BATCH);
        Instant base = OffsetDateTime.parse("2024-03-04T08:00:00+07:00").toInstant();
        for (int i = 0; i < BATCH; i++) {
            String id = run + "-" + batch + "-" + i;
            rows.add(new Row(id, "P-" + id, ((Number) procedure.get("unit_id")).longValue(), ((Number) procedure.get("id")).longValue(),
                    base.plusSeconds(60L * i), LocalDate.of(2024, 3, 20)));
        }
        return rows;
    }

    private void sync(String token, String document, List<Map<String, Object>> items) throws Exception {
        String body = json.writeValueAsString(Map.of("query", document, "variables", Map.of("input", Map.of("source", "bench", "items", items))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"") || response.body().contains("\"code\"")) {
            throw new IllegalStateException("sync failed: " + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /**
     * The fastest plain upsert, one statement per batch: {@code INSERT … SELECT … FROM unnest(…) ON
     * CONFLICT DO UPDATE} of the dossier rows and, when {@code withEvents}, in the same statement the
     * upsert of their events (received, advanced, resolved, returned, with the details the sync
     * records) by {@code ON CONFLICT (dossier_id, seq) DO UPDATE}.
     */
    private void plain(List<Row> rows, String source, boolean withEvents) throws Exception {
        int n = rows.size();
        String[] receiptCodes = new String[n];
        String[] names = new String[n];
        String[] receivedAt = new String[n];
        String[] dueDates = new String[n];
        String[] results = new String[n];
        String[] resolvedAt = new String[n];
        String[] returnedAt = new String[n];
        String[] clockStartedOn = new String[n];
        String[] externalIds = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            receiptCodes[i] = (withEvents ? "E" : "") + r.receiptCode();
            names[i] = "Nguyễn Văn An " + i;
            receivedAt[i] = r.receivedAt().toString();
            dueDates[i] = r.due().toString();
            results[i] = "QĐ " + i;
            resolvedAt[i] = r.receivedAt().plusSeconds(86_400).toString();
            returnedAt[i] = r.receivedAt().plusSeconds(90_000).toString();
            clockStartedOn[i] = r.due().minusDays(12).toString();
            externalIds[i] = r.externalId();
        }
        String dossiers = """
                insert into dossier (receipt_code, procedure_id, unit_id, applicant_kind, applicant_name, identity_number, phone, address,
                    channel, received_at, due_date, status, result, resolved_at, returned_at, closed_at, online_payment,
                    clock_started_on, source, external_id)
                select t.receipt_code, ?, ?, 'PERSON', t.name, '040190000123', '0912345678', '12 Lê Lợi, TP. Vinh', 'ONLINE',
                    t.received_at, t.due_date, 'RETURNED', t.result, t.resolved_at, t.returned_at, t.resolved_at, true,
                    t.clock_started_on, ?, t.external_id
                from unnest(?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                    ?::date[], ?::text[])
                    as t(receipt_code, name, received_at, due_date, result, resolved_at, returned_at, clock_started_on, external_id)
                on conflict (source, external_id) do update set status = excluded.status, result = excluded.result,
                    resolved_at = excluded.resolved_at, returned_at = excluded.returned_at, closed_at = excluded.closed_at,
                    version = dossier.version + 1""";
        String sql = !withEvents ? dossiers : "with d as (" + dossiers + """
                 returning id, unit_id, received_at, due_date, resolved_at, returned_at, result, source)
                insert into dossier_event (dossier_id, seq, transition, from_status, to_status, at, unit_id, actor, reason, details)
                select d.id, e.seq, e.transition, e.from_status, e.to_status,
                    case e.seq when 1 then d.received_at when 2 then d.received_at + interval '1 hour'
                        when 3 then d.resolved_at else d.returned_at end,
                    d.unit_id, 'service-account-lantern-partner-nghean', null,
                    case e.seq when 1 then jsonb_build_object('channel', 'ONLINE', 'dueDate', d.due_date, 'source', d.source)
                        when 3 then jsonb_build_object('result', d.result, 'late', false, 'source', d.source)
                        else jsonb_build_object('source', d.source) end
                from d cross join (values (1, 'RECEIVE', null, 'RECEIVED'), (2, 'ADVANCE', 'RECEIVED', 'PROCESSING'),
                    (3, 'RESOLVE', 'PROCESSING', 'RESOLVED'), (4, 'RETURN', 'RESOLVED', 'RETURNED'))
                    as e(seq, transition, from_status, to_status)
                on conflict (dossier_id, seq) do update set transition = excluded.transition, from_status = excluded.from_status,
                    to_status = excluded.to_status, at = excluded.at, details = excluded.details""";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, rows.getFirst().procedureId());
                s.setLong(2, rows.getFirst().unitId());
                s.setString(3, source);
                String[][] arrays = {receiptCodes, names, receivedAt, dueDates, results, resolvedAt, returnedAt, clockStartedOn, externalIds};
                for (int a = 0; a < arrays.length; a++) {
                    s.setArray(4 + a, c.createArrayOf("text", arrays[a]));
                }
                s.executeUpdate();
            }
            c.commit();
        }
    }
}
