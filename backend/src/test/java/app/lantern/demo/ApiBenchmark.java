package app.lantern.demo;

import app.lantern.support.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Load benchmark of the API over real HTTP against a database of {@code lantern.bench.dossiers}
 * dossiers (default 1,000,000), kept in {@code lantern.bench.data-dir} between runs. Not part of
 * the test suite: its name matches neither *Test nor *IT, and it runs only with {@code -Dlantern.bench=true}
 * (a negative {@code -Dit.test} pattern would otherwise pick it up); see docs/benchmark.md for the command.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "lantern.bench", matches = "true",
        disabledReason = "a benchmark: run it with -Dlantern.bench=true (docs/benchmark.md)")
class ApiBenchmark extends ApiTestBase {

    private static final String DATA_DIR = System.getProperty("lantern.bench.data-dir",
            System.getProperty("user.home") + "/.local/share/lantern-bench/postgres");
    private static final int DOSSIERS = Integer.getInteger("lantern.bench.dossiers", 1_000_000);
    private static final int CLIENTS = Integer.getInteger("lantern.bench.clients", 8);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("lantern.bench.seconds", 20));
    /** false: top up with dossiers only, without events and step overruns (for 10 M in reasonable time). */
    private static final boolean HISTORY = !"false".equals(System.getProperty("lantern.bench.history"));
    /** all, or indicators: only the scorecard scenarios. */
    private static final String SCENARIOS = System.getProperty("lantern.bench.scenarios", "all");

    @DynamicPropertySource
    static void benchmarkDatabase(DynamicPropertyRegistry registry) {
        registry.add("lantern.embedded-postgres.data-dir", () -> DATA_DIR);
        registry.add("lantern.demo.dossiers", () -> 24000);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoDataLoader loader;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Result(String scenario, long requests, double perSecond, double p50, double p99, long errors) {
    }

    @Test
    void benchmark() throws Exception {
        long existing = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        if (existing < DOSSIERS) {
            long started = System.nanoTime();
            loader.appendBulk((int) (DOSSIERS - existing), HISTORY);
            System.out.printf("%nAppended %,d dossiers%s in %d s%n", DOSSIERS - existing, HISTORY ? "" : " (without events)",
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        long dossiers = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        List<String> codes = jdbc.sql("select receipt_code from dossier tablesample system (1) limit 5000").query(String.class).list();
        String inspector = tokens().staff("inspector.lead", "NA-TTT", "inspector");
        List<String> heads = List.of("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP", "NA-DOLUONG", "NA-TANKY").stream()
                .map(unit -> tokens().staff("head." + unit, unit, "unit_head")).toList();
        String byCode = read("dossierDetail");
        String page = "query($first: Int) { dossiers(first: $first) { totalCount nodes { receiptCode status dueDate unit { name } procedure { name } } } }";
        String overview = read("unitsOverview");

        List<Result> results = new ArrayList<>();
        if (!"indicators".equals(SCENARIOS)) {
            results.add(run("dossier by code (inspector)", () -> new Call(inspector, byCode,
                    "{\"code\":\"" + codes.get(ThreadLocalRandom.current().nextInt(codes.size())) + "\"}")));
            results.add(run("page of 50 dossiers + unit + procedure (inspector)", () -> new Call(inspector, page, "{\"first\":50}")));
            results.add(run("page of 50 dossiers + unit + procedure (unit heads)", () -> new Call(
                    heads.get(ThreadLocalRandom.current().nextInt(heads.size())), page, "{\"first\":50}")));
            results.add(run("20 units + procedures + latest dossiers (inspector)", () -> new Call(inspector, overview, "{\"first\":20}")));
        }
        // the scorecard's latency, one caller at a time: the whole province with its subtree, and one department alone
        String scorecard = read("indicatorScorecard");
        String ranking = read("indicatorRanking");
        String year = "{\"kind\":\"YEAR\",\"year\":2025}";
        String province = app.lantern.shared.graphql.NodeId.encode("Unit", unitId("NA"));
        String syt = app.lantern.shared.graphql.NodeId.encode("Unit", unitId("NA-SYT"));
        results.add(run("indicator scorecard, province with subtree, year 2025 (inspector, 1 client)", 1, () -> new Call(inspector,
                scorecard, "{\"unit\":\"" + province + "\",\"includeSubunits\":true,\"period\":" + year + "}")));
        results.add(run("indicator scorecard, NA-SYT alone, year 2025 (unit head, 1 client)", 1, () -> new Call(heads.get(1),
                scorecard, "{\"unit\":\"" + syt + "\",\"includeSubunits\":false,\"period\":" + year + "}")));
        results.add(run("indicator ranking of the province's units, year 2025 (inspector, 1 client)", 1, () -> new Call(inspector,
                ranking, "{\"period\":" + year + "}")));
        results.add(run("indicator scorecard, province, " + CLIENTS + " clients", CLIENTS, () -> new Call(inspector,
                scorecard, "{\"unit\":\"" + province + "\",\"includeSubunits\":true,\"period\":" + year + "}")));
        // this year reaches today: open dossiers not yet due are read from the base table on top of the rollup
        int thisYear = java.time.LocalDate.now(app.lantern.calendar.WorkingDays.ZONE).getYear();
        String current = "{\"kind\":\"YEAR\",\"year\":" + thisYear + "}";
        results.add(run("indicator scorecard, province with subtree, year " + thisYear + " to date (inspector, 1 client)", 1,
                () -> new Call(inspector, scorecard, "{\"unit\":\"" + province + "\",\"includeSubunits\":true,\"period\":" + current + "}")));
        results.add(run("indicator scorecard, NA-SYT alone, year " + thisYear + " to date (unit head, 1 client)", 1, () -> new Call(heads.get(1),
                scorecard, "{\"unit\":\"" + syt + "\",\"includeSubunits\":false,\"period\":" + current + "}")));

        long rollupRows = jdbc.sql("select count(*) from indicator_monthly").query(Long.class).single();
        String size = jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))").query(String.class).single();
        StringBuilder table = new StringBuilder();
        table.append("%n%,d dossiers, %,d rollup rows, database %s; %d clients unless said, %d s per scenario%n%n".formatted(
                dossiers, rollupRows, size, CLIENTS, DURATION.toSeconds()));
        table.append("| scenario | requests | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append("| %s | %,d | %.0f | %.1f | %.1f | %d |%n".formatted(r.scenario(), r.requests(), r.perSecond(), r.p50(), r.p99(), r.errors()));
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark.md"), table.toString());
    }

    private record Call(String token, String query, String variables) {
    }

    private long unitId(String code) {
        return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
    }

    private static String read(String document) throws Exception {
        return Files.readString(Path.of("src/test/resources/graphql-test/" + document + ".graphql"));
    }

    private Result run(String scenario, Supplier<Call> calls) throws Exception {
        return run(scenario, CLIENTS, calls);
    }

    private Result run(String scenario, int clients, Supplier<Call> calls) throws Exception {
        // warm-up: JIT, connection pool, PostgreSQL's caches
        measure(calls, Duration.ofSeconds(5), clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] errors = new long[1];
        long started = System.nanoTime();
        measure(calls, DURATION, latencies, errors, clients);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(scenario, sorted.size(), sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), errors[0]);
    }

    private void measure(Supplier<Call> calls, Duration duration, int clients) throws Exception {
        measure(calls, duration, Collections.synchronizedList(new ArrayList<>()), new long[1], clients);
    }

    private void measure(Supplier<Call> calls, Duration duration, List<Long> latencies, long[] errors, int clients) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        Call call = calls.get();
                        String body = "{\"query\":" + json(call.query()) + ",\"variables\":" + call.variables() + "}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + call.token())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long t = System.nanoTime() - t0;
                            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                                synchronized (errors) {
                                    errors[0]++;
                                }
                            } else {
                                latencies.add(t);
                            }
                        } catch (Exception e) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
