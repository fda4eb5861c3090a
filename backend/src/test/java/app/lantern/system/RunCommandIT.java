package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.RepoPaths;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Run command, run as a newcomer runs it (on other ports and a data directory of its
 * own): everything comes up, the SPA and GraphQL answer, Ctrl-C stops it all, and a second start
 * keeps the data.
 */
class RunCommandIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void runCommandStartsTheSystemStopsOnCtrlCAndKeepsTheDataForTheNextStart() throws Exception {
        int port = RepoPaths.freePort();
        int keycloakPort = RepoPaths.freePort();
        int postgresPort = RepoPaths.freePort();

        Process first = start(port, keycloakPort, postgresPort);
        try {
            assertThat(get(port, "/").body()).contains("<div id=\"root\">");
            assertThat(get(port, "/plans/42").body()).contains("<div id=\"root\">");
            assertThat(get(port, "/plans/2960%2FKH-TTCP").body()).contains("<div id=\"root\">");
            assertThat(post(port, "{\"query\":\"{ apiInfo { version } }\"}").body()).contains("\"version\"");
            assertThat(get(port, "/graphiql?path=/graphql").statusCode()).isEqualTo(200);
            HttpResponse<String> realm = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + keycloakPort + "/realms/lantern/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(realm.body()).contains("\"issuer\":\"http://localhost:" + keycloakPort + "/realms/lantern\"");
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/lantern", "postgres", "")) {
                db.createStatement().execute("insert into audit_record (actor, action, object_type) values ('smoke', 'run.kept', 'Test')");
            }
        } finally {
            stopWithCtrlC(first);
        }
        assertThat(first.exitValue()).as("exit code after Ctrl-C").isIn(0, 130);
        assertThat(listening(port)).as("backend port closed").isFalse();
        assertThat(listening(keycloakPort)).as("Keycloak port closed").isFalse();
        assertThat(listening(postgresPort)).as("PostgreSQL port closed").isFalse();

        Process second = start(port, keycloakPort, postgresPort);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/lantern", "postgres", "");
             ResultSet rs = db.createStatement().executeQuery("select count(*) from audit_record where action = 'run.kept'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("row written before the restart").isEqualTo(1);
        } finally {
            stopWithCtrlC(second);
        }
    }

    private Process start(int port, int keycloakPort, int postgresPort) throws Exception {
        Path root = RepoPaths.root();
        Path output = Files.createTempFile(data, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("infra/local/run.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("LANTERN_SKIP_BUILD", "1");
        builder.environment().put("LANTERN_PORT", Integer.toString(port));
        builder.environment().put("KC_PORT", Integer.toString(keycloakPort));
        builder.environment().put("LANTERN_PG_PORT", Integer.toString(postgresPort));
        builder.environment().put("LANTERN_DATA", data.resolve("lantern").toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            String log = Files.readString(output, StandardCharsets.UTF_8);
            if (log.contains("Lantern is running.")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The run command exited with " + process.exitValue() + ":\n" + log);
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("The run command did not report readiness in 300 s:\n" + Files.readString(output));
    }

    /** The last lines of the run command's output and of each component's log, for a failure's message. */
    private String logTails() throws IOException {
        StringBuilder tails = new StringBuilder();
        try (var files = Files.walk(data)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                tails.append("== ").append(data.relativize(log)).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()))).append('\n');
            }
        }
        return tails.toString();
    }

    private void stopWithCtrlC(Process process) throws Exception {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        boolean stopped = process.waitFor(90, TimeUnit.SECONDS);
        String still = stopped ? "" : process.descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(java.util.stream.Collectors.joining("\n"));
        if (!stopped) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(stopped).as("the run command stops within 90 s of Ctrl-C; still running:%n%s%nthe end of the logs:%n%s", still, logTails())
                .isTrue();
        for (ProcessHandle child : family) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
