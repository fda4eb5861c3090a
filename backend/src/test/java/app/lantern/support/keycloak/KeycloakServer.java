package app.lantern.support.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak with the {@code lantern} realm, shared by every test in the JVM.
 *
 * <p>On first use it runs {@code infra/keycloak/keycloak.sh fetch} (downloads and pre-builds the
 * distribution once per machine, into {@code ~/.cache/lantern}) and then {@code keycloak.sh start}
 * as a child process on free ports with a fresh temporary data dir, so it never disturbs a dev
 * instance running on the default port. Its output goes to {@code target/keycloak-test.log}. It is
 * stopped at JVM shutdown (and, should the JVM be killed, by the script's parent-PID watchdog).
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void keycloak(DynamicPropertyRegistry registry) {
 *     registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
 *         () -> KeycloakServer.shared().issuerUri());
 * }
 * }</pre>
 */
public final class KeycloakServer {

    public static final String REALM = "lantern";

    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;
    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());

    private static KeycloakServer shared;
    private static RuntimeException sharedFailure;

    private final int port;
    private final int managementPort;
    private final Path dataDir;
    private final Path logFile;
    private final Process process;
    private volatile Duration startupTime = Duration.ZERO;

    private KeycloakServer(int port, int managementPort, Path dataDir, Path logFile, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * The JVM-wide instance, started on first call (blocking, up to a few minutes on a machine that
     * has never fetched Keycloak). A failed start is remembered: later calls fail at once with the
     * same error instead of trying again.
     */
    public static synchronized KeycloakServer shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", sharedFailure);
        }
        try {
            shared = launch();
            return shared;
        } catch (RuntimeException e) {
            sharedFailure = e;
            throw e;
        }
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/realms/lantern}, the {@code iss} of every token. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** Port of the management interface ({@code /health/ready}). */
    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Time from launching {@code keycloak.sh start} until the realm answered. */
    public Duration startupTime() {
        return startupTime;
    }

    // --- start ---------------------------------------------------------------------------------

    private static KeycloakServer launch() {
        Path repoRoot = findRepoRoot();
        Path script = repoRoot.resolve("infra/keycloak/keycloak.sh");
        Path logFile = Path.of(System.getProperty("user.dir"), "target", "keycloak-test.log").toAbsolutePath();
        Path dataDir;
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "");
            dataDir = Files.createTempDirectory("lantern-keycloak-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        long fetchStart = System.nanoTime();
        runFetch(script, repoRoot, logFile);
        Duration fetchTime = Duration.ofNanos(System.nanoTime() - fetchStart);

        int[] ports = freePorts(2);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start")
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // A developer's KC_* settings (for the dev instance) must not leak into the test instance.
        env.keySet().removeIf(name -> name.startsWith("KC_"));
        env.put("KC_PORT", Integer.toString(ports[0]));
        env.put("KC_MGMT_PORT", Integer.toString(ports[1]));
        env.put("KC_DATA_DIR", dataDir.toString());
        env.put("KC_PARENT_PID", Long.toString(ProcessHandle.current().pid()));

        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        }
        KeycloakServer server = new KeycloakServer(ports[0], ports[1], dataDir, logFile, process);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "keycloak-test-shutdown"));

        try {
            awaitReady(server, process, logFile);
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        server.startupTime = Duration.ofNanos(System.nanoTime() - start);
        LOG.log(System.Logger.Level.INFO,
                "Keycloak started at {0} in {1} ms (fetch check {2} ms); log: {3}",
                server.issuerUri(), server.startupTime.toMillis(), fetchTime.toMillis(), logFile);
        return server;
    }

    private static void runFetch(Path script, Path repoRoot, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "fetch")
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        try {
            Process fetch = builder.start();
            if (!fetch.waitFor(FETCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fetch.descendants().forEach(ProcessHandle::destroyForcibly);
                fetch.destroyForcibly();
                throw new IllegalStateException("keycloak.sh fetch took longer than " + FETCH_TIMEOUT
                        + "\n--- " + logFile + " (tail) ---\n" + tail(logFile));
            }
            if (fetch.exitValue() != 0) {
                throw new IllegalStateException("keycloak.sh fetch failed (exit " + fetch.exitValue() + ")"
                        + "\n--- " + logFile + " (tail) ---\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching Keycloak", e);
        }
    }

    private static void awaitReady(KeycloakServer server, Process process, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://localhost:" + server.managementPort + "/health/ready");
        URI realm = URI.create(server.issuerUri() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (code " + process.exitValue()
                        + ") before it was ready\n--- " + logFile + " (tail) ---\n" + tail(logFile));
            }
            int healthStatus = status(http, health);
            if (healthStatus == 200) {
                int realmStatus = status(http, realm);
                if (realmStatus == 200) {
                    return;
                }
                last = "GET " + realm + " -> " + realmStatus;
            } else {
                last = "GET " + health + " -> " + (healthStatus < 0 ? "no connection" : healthStatus);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT.toSeconds() + " s ("
                + last + ")\n--- " + logFile + " (tail) ---\n" + tail(logFile));
    }

    private static int status(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    // --- stop ----------------------------------------------------------------------------------

    /** SIGTERM to keycloak.sh (whose kc.sh forwards it to the JVM), then force after a timeout. */
    private void shutdown() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: it is a temp dir
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Walks up from the working directory to the directory holding infra/keycloak/keycloak.sh. */
    static Path findRepoRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/keycloak/keycloak.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("infra/keycloak/keycloak.sh not found in " + start + " or above");
    }

    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // nothing to do
                    }
                }
            }
        }
    }

    static String tail(Path file) {
        try {
            Deque<String> lines = new ArrayDeque<>();
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R")) {
                lines.addLast(line);
                if (lines.size() > LOG_TAIL_LINES) {
                    lines.removeFirst();
                }
            }
            return String.join("\n", lines);
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }
}
