package app.lantern.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The changelog applies on an empty database (this context's fresh cluster) and again on an up-to-date one. */
class LiquibaseIT extends ApiTestBase {

    @Autowired
    SpringLiquibase liquibase;
    @Autowired
    JdbcClient jdbc;

    @Test
    void changelogAppliedOnEmptyDatabaseAndIsANoOpTheSecondTime() throws Exception {
        long applied = jdbc.sql("select count(*) from databasechangelog").query(Long.class).single();
        assertThat(applied).isGreaterThanOrEqualTo(2);

        liquibase.afterPropertiesSet(); // runs update again against the up-to-date schema

        assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isEqualTo(applied);
    }

    @Test
    void vietnameseSearchExtensionsAreEnabled() {
        assertThat(jdbc.sql("select extname from pg_extension order by extname").query(String.class).list())
                .contains("pg_trgm", "unaccent");
        assertThat(jdbc.sql("select lantern_fold('Huyện Đô Lương')").query(String.class).single()).isEqualTo("huyen do luong");
    }
}
