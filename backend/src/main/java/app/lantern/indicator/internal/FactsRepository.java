package app.lantern.indicator.internal;

import app.lantern.indicator.Facts;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicator facts of dossiers and procedures, by id. */
@Repository
public class FactsRepository {

    private final JdbcClient jdbc;

    FactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Facts.DossierFacts> dossiers(Collection<Long> ids) {
        Map<Long, Facts.DossierFacts> result = new HashMap<>();
        jdbc.sql("select id, fee_amount, synced_to_national_portal, certified_copy_requested, certified_copy_electronic,"
                        + " reused_digitised_data, used_population_data, result_synced_to_citizen_store from dossier where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query((ResultSet rs) -> {
                    result.put(rs.getLong(1), new Facts.DossierFacts(rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
                });
        return result;
    }

    public Map<Long, Facts.ProcedureFacts> procedures(Collection<Long> ids) {
        Map<Long, Facts.ProcedureFacts> result = new HashMap<>();
        jdbc.sql("select id, effective_on, announced_on, published_on, full_content_published, online_payment_enabled,"
                        + " portal_payment_configured, population_db_connected from procedure where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query((ResultSet rs) -> {
                    result.put(rs.getLong(1), new Facts.ProcedureFacts(rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getBoolean(6),
                            rs.getBoolean(7), rs.getBoolean(8)));
                });
        return result;
    }
}
