package app.lantern.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded cluster keeps its data across restarts and runs with production durability settings. */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRowWrittenBeforeARestartIsThereAfterIt() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, 0, "lantern");

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
             HikariDataSource dataSource = configuration.dataSource(first, properties)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('written before the restart')").update();
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        }

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
             HikariDataSource dataSource = configuration.dataSource(second, properties)) {
            assertThat(JdbcClient.create(dataSource).sql("select note from kept").query(String.class).list())
                    .containsExactly("written before the restart");
        }
    }
}
