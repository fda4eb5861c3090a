package app.lantern.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL that Lantern starts itself when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir  where the cluster lives; kept across restarts
 * @param port     TCP port on localhost; 0 picks a free one
 * @param database database created on first start
 */
@ConfigurationProperties("lantern.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, int port, String database) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".local", "share", "lantern", "postgres");
        }
        if (database == null || database.isBlank()) {
            database = "lantern";
        }
    }
}
