package app.lantern.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the built jar are, for tests that run the scripts a user runs. */
public final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: from {@code lantern.repo-root}, else found by walking up to {@code infra/local/run.sh}. */
    public static Path root() {
        String configured = System.getProperty("lantern.repo-root");
        if (configured != null && Files.exists(Path.of(configured, "infra", "local", "run.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/local/run.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (infra/local/run.sh) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A TCP port free at the moment of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
