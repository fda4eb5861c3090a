package app.lantern.sync;

import static app.lantern.sync.DossierSyncIT.MONDAY;
import static app.lantern.sync.DossierSyncIT.event;
import static app.lantern.sync.DossierSyncIT.id;
import static app.lantern.sync.DossierSyncIT.sync;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Decision 766 facts a partner sends with a synced dossier (portal sync, fee and online payment,
 * certified copies, data reuse, population data, the result's sync to the citizen's data store):
 * stored and readable, {@code UNCHANGED} when sent again, {@code UPDATED} and audited when one
 * changes, and refused with the item and field named when inconsistent.
 */
class SyncedDossierFactsIT extends ApiTestBase {

    private static final String SOURCE = "nghean-dvc-facts";

    @Autowired
    JdbcClient jdbc;

    private String procedureCode() {
        return jdbc.sql("""
                        select p.national_code from procedure p join unit u on u.id = p.unit_id
                        where u.code = 'NA-SYT' and p.review_state <> 'ABOLISHED' and p.statutory_working_days > 0
                        order by p.national_code limit 1""").query(String.class).single();
    }

    private Map<String, Object> item(String externalId, boolean digitisedResult, Map<String, Object> facts) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("receiptCode", "FACTS-" + externalId);
        item.put("unitCode", "NA-SYT");
        item.put("procedureCode", procedureCode());
        item.put("applicant", Map.of("kind", "PERSON", "name", "Phạm Văn Dữ Kiện", "identityNumber", "040190000777"));
        item.put("channel", "ONLINE");
        item.put("onlinePayment", true);
        item.put("events", List.of(event("RECEIVE", MONDAY), event("ADVANCE", MONDAY.plus(1, ChronoUnit.HOURS)),
                event("RESOLVE", MONDAY.plus(1, ChronoUnit.DAYS), "result", "QĐ 12/SYT", "digitisedResult", digitisedResult)));
        item.putAll(facts);
        return item;
    }

    private Map<String, Object> stored(String externalId) {
        return jdbc.sql("""
                        select fee_amount, synced_to_national_portal, certified_copy_requested, certified_copy_electronic,
                            reused_digitised_data, used_population_data, result_synced_to_citizen_store, version
                        from dossier where source = :s and external_id = :x""").param("s", SOURCE).param("x", externalId)
                .query().singleRow();
    }

    private long audits(String externalId) {
        return jdbc.sql("select count(*) from audit_record where action = 'dossier.sync' and object_id = :c")
                .param("c", "FACTS-" + externalId).query(Long.class).single();
    }

    private static final Map<String, Object> ALL = Map.of("feeAmount", 50000, "syncedToNationalPortal", true,
            "certifiedCopyRequested", true, "certifiedCopyElectronic", true, "reusedDigitisedData", true, "usedPopulationData", true,
            "resultSyncedToCitizenStore", true);

    @Test
    void theFactsAreStoredUnchangedWhenSentAgainAndUpdatedWhenOneChanges() {
        String x = id();
        sync(ngheAn(), SOURCE, List.of(item(x, true, ALL)))
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("CREATED");
        ngheAn().documentName("syncedDossierFacts").variable("code", "FACTS-" + x).execute()
                .path("dossier.status").entity(String.class).isEqualTo("RESOLVED")
                .path("dossier.feeAmount").entity(Integer.class).isEqualTo(50000)
                .path("dossier.syncedToNationalPortal").entity(Boolean.class).isEqualTo(true)
                .path("dossier.certifiedCopyRequested").entity(Boolean.class).isEqualTo(true)
                .path("dossier.certifiedCopyElectronic").entity(Boolean.class).isEqualTo(true)
                .path("dossier.reusedDigitisedData").entity(Boolean.class).isEqualTo(true)
                .path("dossier.usedPopulationData").entity(Boolean.class).isEqualTo(true)
                .path("dossier.resultSyncedToCitizenStore").entity(Boolean.class).isEqualTo(true);
        Map<String, Object> created = stored(x);
        long audited = audits(x);

        // the same facts again: nothing written
        sync(ngheAn(), SOURCE, List.of(item(x, true, ALL)))
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("UNCHANGED");
        // without the fee, the stored fee stays: still nothing to write
        Map<String, Object> noFee = new LinkedHashMap<>(ALL);
        noFee.remove("feeAmount");
        sync(ngheAn(), SOURCE, List.of(item(x, true, noFee)))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("UNCHANGED");
        assertThat(stored(x)).isEqualTo(created);
        assertThat(audits(x)).isEqualTo(audited);

        // one fact changes: stored, a new version, audited with the change
        Map<String, Object> changed = new LinkedHashMap<>(ALL);
        changed.put("usedPopulationData", false);
        sync(ngheAn(), SOURCE, List.of(item(x, true, changed)))
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("UPDATED")
                .path("dossiersSync.results[0].eventsAppended").entity(Integer.class).isEqualTo(0);
        Map<String, Object> after = stored(x);
        assertThat(after.get("used_population_data")).isEqualTo(false);
        assertThat(after.get("synced_to_national_portal")).isEqualTo(true);
        assertThat(((Number) after.get("version")).intValue()).isEqualTo(((Number) created.get("version")).intValue() + 1);
        assertThat(audits(x)).isEqualTo(audited + 1);
        assertThat(jdbc.sql("""
                        select details -> 'facts' ->> 'usedPopulationData' from audit_record where action = 'dossier.sync'
                        and object_id = :c order by id desc limit 1""").param("c", "FACTS-" + x).query(String.class).single())
                .isEqualTo("false");

        // a changed fee is a change too; flags omitted are false
        sync(ngheAn(), SOURCE, List.of(item(x, true, Map.of("feeAmount", 0))))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("UPDATED");
        assertThat(stored(x)).containsEntry("fee_amount", 0L).containsEntry("synced_to_national_portal", false)
                .containsEntry("certified_copy_requested", false).containsEntry("result_synced_to_citizen_store", false);
    }

    @Test
    void aNewDossierWithoutAFeeGetsItsProceduresFee() {
        String x = id();
        sync(ngheAn(), SOURCE, List.of(item(x, false, Map.of("syncedToNationalPortal", true))))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("CREATED");
        assertThat(jdbc.sql("""
                        select d.fee_amount = p.fee and d.synced_to_national_portal and not d.result_synced_to_citizen_store
                        from dossier d join procedure p on p.id = d.procedure_id where d.source = :s and d.external_id = :x""")
                .param("s", SOURCE).param("x", x).query(Boolean.class).single()).isTrue();
    }

    @Test
    void inconsistentFactsAreRefusedNamingTheItemAndField() {
        String good = id();
        String negative = id();
        String copy = id();
        String notElectronic = id();
        String open = id();
        Map<String, Object> openItem = item(open, false, Map.of("resultSyncedToCitizenStore", true));
        openItem.put("events", List.of(event("RECEIVE", MONDAY)));
        sync(ngheAn(), SOURCE, List.of(
                item(good, true, ALL),
                item(negative, true, Map.of("feeAmount", -1)),
                item(copy, true, Map.of("certifiedCopyElectronic", true)),
                item(notElectronic, false, Map.of("resultSyncedToCitizenStore", true)),
                openItem))
                .path("dossiersSync.results[*].outcome").entityList(String.class)
                .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")
                .path("dossiersSync.userErrors[*].field").entityList(List.class).containsExactly(
                        List.of("input", "items", "1", "feeAmount"),
                        List.of("input", "items", "2", "certifiedCopyElectronic"),
                        List.of("input", "items", "3", "resultSyncedToCitizenStore"),
                        List.of("input", "items", "4", "resultSyncedToCitizenStore"))
                .path("dossiersSync.userErrors[*].code").entityList(String.class).containsExactly(
                        "NEGATIVE", "CERTIFIED_COPY_NOT_REQUESTED", "ELECTRONIC_RESULT_REQUIRED", "ELECTRONIC_RESULT_REQUIRED");
        assertThat(jdbc.sql("select count(*) from dossier where source = :s and external_id in (:a, :b, :c, :d)").param("s", SOURCE)
                .param("a", negative).param("b", copy).param("c", notElectronic).param("d", open).query(Long.class).single()).isZero();

        // a stored dossier whose re-sent facts are inconsistent keeps its facts
        Map<String, Object> bad = new LinkedHashMap<>(ALL);
        bad.put("certifiedCopyRequested", false);
        sync(ngheAn(), SOURCE, List.of(item(good, true, bad)))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("REJECTED");
        assertThat(stored(good)).containsEntry("certified_copy_requested", true).containsEntry("certified_copy_electronic", true);
    }
}
