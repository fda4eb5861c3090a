package app.lantern.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.dossier.DossierFilter;
import app.lantern.shared.security.Scope;
import app.lantern.shared.security.ScopeSql;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The text search the API runs uses the trigram indexes. The test data set is small (4,000
 * dossiers), where a sequential scan is cheaper, so sequential scans are disabled for the EXPLAIN:
 * the question answered is whether the indexes can serve these exact conditions, not whether the
 * planner prefers them at this size (docs/benchmark.md shows the plan on a million rows).
 */
class SearchPlanIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private String plan(String sql, MapSqlParameterSource params) {
        return transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + sql).paramSource(params).query(String.class).list());
        });
    }

    @Test
    void dossierTextSearchUsesTheTrigramIndexes() {
        Scope inspector = new Scope(true, true, null);
        DossierFilter filter = new DossierFilter(null, true, null, null, null, null, null, null, null, null, null, null, "nguyen van");
        MapSqlParameterSource params = ScopeSql.bind(inspector, new MapSqlParameterSource());
        String where = DossierRepository.conditions(filter, inspector, LocalDate.now(), params);
        String plan = plan("select d.id from dossier d where " + where, params);
        assertThat(plan).contains("dossier_applicant_search_idx", "dossier_code_search_idx", "procedure_name_idx").contains("BitmapOr");
        assertThat(plan).doesNotContain("Seq Scan on dossier");
    }

    @Test
    void unitAndProcedureSearchUseTheirTrigramIndexes() {
        MapSqlParameterSource params = new MapSqlParameterSource("text", "do luong");
        assertThat(plan("select id from unit u where lantern_fold(u.code || ' ' || u.name) like '%' || lantern_fold(:text) || '%'", params))
                .contains("unit_search_idx");
        assertThat(plan("select id from procedure p where lantern_fold(p.national_code || ' ' || p.name) like '%' || lantern_fold(:text) || '%'",
                params)).contains("procedure_search_idx");
        assertThat(List.of(plan("select id from procedure p where lantern_fold(p.name) like '%' || lantern_fold(:text) || '%'", params)))
                .allMatch(p -> p.contains("procedure_name_idx"));
    }
}
