package app.lantern.sync.internal;

import app.lantern.dossier.DossierReplay;
import app.lantern.dossier.DossierStatus;
import app.lantern.sync.SyncItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the bulk sync: a constant number of statements per batch, whatever its size (lookups with
 * {@code = any(:array)}, writes with {@code unnest} of one array per column).
 */
@Repository
public class SyncRepository {

    private final JdbcClient jdbc;

    SyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitRow(long id, String code, String path, boolean oneStopShop, LocalDate validFrom, LocalDate validTo) {
    }

    public record ProcedureRow(long id, String nationalCode, String ownerPath, int statutoryWorkingDays, String reviewState, long fee) {
    }

    /** A dossier of the source as stored, with the facts of its last event. */
    public record StoredDossier(long id, String externalId, String receiptCode, long unitId, long procedureId, String applicantKind,
                                String applicantName, String identityNumber, String phone, String address, String channel,
                                boolean onlinePayment, boolean digitisedDossier, DossierReplay.State state, SyncItem.Facts facts) {
    }

    public record StoredEvent(long dossierId, int seq, String transition, Instant at) {
    }

    /** A dossier row to insert or update; {@code version} is ignored for inserts; {@code facts} has its fee. */
    public record DossierRow(long id, String receiptCode, long procedureId, long unitId, String applicantKind, String applicantName,
                             String identityNumber, String phone, String address, String channel, boolean onlinePayment,
                             boolean digitisedDossier, DossierReplay.State state, String source, String externalId, SyncItem.Facts facts) {
    }

    public record EventRow(long dossierId, int seq, String transition, String fromStatus, String toStatus, Instant at, long unitId,
                           String actor, String reason, String detailsJson) {
    }

    /** Serialises the batches of one source: concurrent batches of the same dossiers queue instead of colliding. */
    public void lockSource(String source) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('dossier-sync:' || :source, 0))").param("source", source)
                .query((rs, n) -> 1).list();
    }

    public List<UnitRow> unitsByCodes(Collection<String> codes) {
        return jdbc.sql("select id, code, path, one_stop_shop, valid_from, valid_to from unit where code = any(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("code"), rs.getString("path"), rs.getBoolean("one_stop_shop"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    public List<ProcedureRow> proceduresByCodes(Collection<String> nationalCodes) {
        return jdbc.sql("""
                        select p.id, p.national_code, o.path, p.statutory_working_days, p.review_state, p.fee
                        from procedure p join unit o on o.id = p.unit_id where p.national_code = any(:codes)""")
                .param("codes", nationalCodes.toArray(String[]::new))
                .query((rs, n) -> new ProcedureRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getLong(6)))
                .list();
    }

    /** The source's dossiers with these external ids, locked until the end of the transaction. */
    public Map<String, StoredDossier> lockBySource(String source, Collection<String> externalIds) {
        Map<String, StoredDossier> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, external_id, receipt_code, unit_id, procedure_id, applicant_kind, applicant_name, identity_number, phone,
                            address, channel, online_payment, digitised_dossier, status, received_at, due_date, clock_started_on,
                            days_used_before, result, resolved_at, returned_at, closed_at, late, digitised_result, satisfaction,
                            apology_reason, apology_new_date, apology_issued_at, reject_category, reject_reason, current_step_id,
                            current_official_id, fee_amount, synced_to_national_portal, certified_copy_requested,
                            certified_copy_electronic, reused_digitised_data, used_population_data, result_synced_to_citizen_store
                        from dossier where source = :source and external_id = any(:ids) for update""")
                .param("source", source).param("ids", externalIds.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString("external_id"), stored(rs))).list();
        return found;
    }

    private static StoredDossier stored(ResultSet rs) throws SQLException {
        DossierReplay.State state = new DossierReplay.State(DossierStatus.valueOf(rs.getString("status")), instant(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("clock_started_on", LocalDate.class), rs.getInt("days_used_before"),
                rs.getObject("current_step_id", Long.class), rs.getObject("current_official_id", Long.class),
                rs.getString("result"), instant(rs, "resolved_at"), instant(rs, "returned_at"), instant(rs, "closed_at"),
                rs.getBoolean("late"), rs.getBoolean("digitised_result"), rs.getObject("satisfaction", Integer.class),
                rs.getString("apology_reason"), rs.getObject("apology_new_date", LocalDate.class), instant(rs, "apology_issued_at"),
                rs.getString("reject_category"), rs.getString("reject_reason"));
        return new StoredDossier(rs.getLong("id"), rs.getString("external_id"), rs.getString("receipt_code"), rs.getLong("unit_id"),
                rs.getLong("procedure_id"), rs.getString("applicant_kind"), rs.getString("applicant_name"), rs.getString("identity_number"),
                rs.getString("phone"), rs.getString("address"), rs.getString("channel"), rs.getBoolean("online_payment"),
                rs.getBoolean("digitised_dossier"), state, new SyncItem.Facts(rs.getLong("fee_amount"),
                        rs.getBoolean("synced_to_national_portal"), rs.getBoolean("certified_copy_requested"),
                        rs.getBoolean("certified_copy_electronic"), rs.getBoolean("reused_digitised_data"),
                        rs.getBoolean("used_population_data"), rs.getBoolean("result_synced_to_citizen_store")));
    }

    /** Timelines of the dossiers (transition and time of each event), oldest first. */
    public Map<Long, List<StoredEvent>> eventsOf(Collection<Long> dossierIds) {
        Map<Long, List<StoredEvent>> events = new LinkedHashMap<>();
        if (dossierIds.isEmpty()) {
            return events;
        }
        jdbc.sql("select dossier_id, seq, transition, at from dossier_event where dossier_id = any(:ids) order by dossier_id, seq")
                .param("ids", dossierIds.toArray(Long[]::new))
                .query((rs, n) -> events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new StoredEvent(rs.getLong(1), rs.getInt(2), rs.getString(3), instant(rs, "at"))))
                .list();
        return events;
    }

    /** Which of these receipt codes a dossier already has. */
    public List<String> takenReceiptCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select receipt_code from dossier where receipt_code = any(:codes)")
                .param("codes", codes.toArray(String[]::new)).query(String.class).list();
    }

    public List<Long> nextIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('dossier', 'id')) from generate_series(1, :n)").param("n", count)
                .query(Long.class).list();
    }

    private static final String DOSSIER_ARRAYS = """
            unnest(cast(:id as bigint[]), cast(:code as text[]), cast(:procedure as bigint[]), cast(:unit as bigint[]),
                cast(:kind as text[]), cast(:name as text[]), cast(:identity as text[]), cast(:phone as text[]), cast(:address as text[]),
                cast(:channel as text[]), cast(:receivedAt as timestamptz[]), cast(:due as date[]), cast(:status as text[]),
                cast(:result as text[]), cast(:resolvedAt as timestamptz[]), cast(:returnedAt as timestamptz[]),
                cast(:closedAt as timestamptz[]), cast(:late as boolean[]), cast(:onlinePayment as boolean[]),
                cast(:digitisedDossier as boolean[]), cast(:digitisedResult as boolean[]), cast(:satisfaction as smallint[]),
                cast(:apologyReason as text[]), cast(:apologyDate as date[]), cast(:apologyAt as timestamptz[]),
                cast(:rejectCategory as text[]), cast(:rejectReason as text[]), cast(:clockStart as date[]),
                cast(:usedBefore as integer[]), cast(:source as text[]), cast(:externalId as text[]), cast(:step as bigint[]),
                cast(:official as bigint[]), cast(:fee as bigint[]), cast(:synced as boolean[]), cast(:copy as boolean[]),
                cast(:copyElectronic as boolean[]), cast(:reused as boolean[]), cast(:population as boolean[]),
                cast(:resultSynced as boolean[]))
            as r(id, code, procedure, unit, kind, name, identity, phone, address, channel, received_at, due, status, result,
                resolved_at, returned_at, closed_at, late, online_payment, digitised_dossier, digitised_result, satisfaction,
                apology_reason, apology_date, apology_at, reject_category, reject_reason, clock_start, used_before, source,
                external_id, step, official, fee, synced, copy, copy_electronic, reused, population, result_synced)""";

    /** New dossiers, with their fee at receipt (so the row trigger has nothing to look up). */
    public void insertDossiers(List<DossierRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into dossier (id, receipt_code, procedure_id, unit_id, applicant_kind, applicant_name, identity_number, phone,
                            address, channel, received_at, due_date, status, result, resolved_at, returned_at, closed_at, late,
                            online_payment, digitised_dossier, digitised_result, satisfaction, apology_reason, apology_new_date,
                            apology_issued_at, reject_category, reject_reason, clock_started_on, days_used_before, source, external_id,
                            current_step_id, current_official_id, fee_amount, synced_to_national_portal, certified_copy_requested,
                            certified_copy_electronic, reused_digitised_data, used_population_data, result_synced_to_citizen_store)
                        select r.* from\s""" + DOSSIER_ARRAYS)
                .paramSource(dossierArrays(rows)).update();
    }

    public void updateDossiers(List<DossierRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update dossier d set applicant_kind = r.kind, applicant_name = r.name, identity_number = r.identity,
                            phone = r.phone, address = r.address, channel = r.channel, due_date = r.due, status = r.status,
                            result = r.result, resolved_at = r.resolved_at, returned_at = r.returned_at, closed_at = r.closed_at,
                            late = r.late, online_payment = r.online_payment, digitised_dossier = r.digitised_dossier,
                            digitised_result = r.digitised_result, satisfaction = r.satisfaction, apology_reason = r.apology_reason,
                            apology_new_date = r.apology_date, apology_issued_at = r.apology_at, reject_category = r.reject_category,
                            reject_reason = r.reject_reason, clock_started_on = r.clock_start, days_used_before = r.used_before,
                            current_step_id = r.step, current_official_id = r.official, fee_amount = r.fee,
                            synced_to_national_portal = r.synced, certified_copy_requested = r.copy,
                            certified_copy_electronic = r.copy_electronic, reused_digitised_data = r.reused,
                            used_population_data = r.population, result_synced_to_citizen_store = r.result_synced,
                            version = d.version + 1
                        from\s""" + DOSSIER_ARRAYS + " where d.id = r.id")
                .paramSource(dossierArrays(rows)).update();
    }

    private static MapSqlParameterSource dossierArrays(List<DossierRow> rows) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("id", column(rows, DossierRow::id, Long[]::new));
        p.addValue("code", column(rows, DossierRow::receiptCode, String[]::new));
        p.addValue("procedure", column(rows, DossierRow::procedureId, Long[]::new));
        p.addValue("unit", column(rows, DossierRow::unitId, Long[]::new));
        p.addValue("kind", column(rows, DossierRow::applicantKind, String[]::new));
        p.addValue("name", column(rows, DossierRow::applicantName, String[]::new));
        p.addValue("identity", column(rows, DossierRow::identityNumber, String[]::new));
        p.addValue("phone", column(rows, DossierRow::phone, String[]::new));
        p.addValue("address", column(rows, DossierRow::address, String[]::new));
        p.addValue("channel", column(rows, DossierRow::channel, String[]::new));
        p.addValue("receivedAt", column(rows, r -> text(r.state().receivedAt()), String[]::new));
        p.addValue("due", column(rows, r -> text(r.state().dueDate()), String[]::new));
        p.addValue("status", column(rows, r -> r.state().status().name(), String[]::new));
        p.addValue("result", column(rows, r -> r.state().result(), String[]::new));
        p.addValue("resolvedAt", column(rows, r -> text(r.state().resolvedAt()), String[]::new));
        p.addValue("returnedAt", column(rows, r -> text(r.state().returnedAt()), String[]::new));
        p.addValue("closedAt", column(rows, r -> text(r.state().closedAt()), String[]::new));
        p.addValue("late", column(rows, r -> r.state().late(), Boolean[]::new));
        p.addValue("onlinePayment", column(rows, DossierRow::onlinePayment, Boolean[]::new));
        p.addValue("digitisedDossier", column(rows, DossierRow::digitisedDossier, Boolean[]::new));
        p.addValue("digitisedResult", column(rows, r -> r.state().digitisedResult(), Boolean[]::new));
        p.addValue("satisfaction", column(rows, r -> r.state().satisfaction(), Integer[]::new));
        p.addValue("apologyReason", column(rows, r -> r.state().apologyReason(), String[]::new));
        p.addValue("apologyDate", column(rows, r -> text(r.state().apologyNewDate()), String[]::new));
        p.addValue("apologyAt", column(rows, r -> text(r.state().apologyIssuedAt()), String[]::new));
        p.addValue("rejectCategory", column(rows, r -> r.state().rejectCategory(), String[]::new));
        p.addValue("rejectReason", column(rows, r -> r.state().rejectReason(), String[]::new));
        p.addValue("clockStart", column(rows, r -> text(r.state().clockStartedOn()), String[]::new));
        p.addValue("usedBefore", column(rows, r -> r.state().daysUsedBefore(), Integer[]::new));
        p.addValue("source", column(rows, DossierRow::source, String[]::new));
        p.addValue("externalId", column(rows, DossierRow::externalId, String[]::new));
        p.addValue("step", column(rows, r -> r.state().currentStepId(), Long[]::new));
        p.addValue("official", column(rows, r -> r.state().currentOfficialId(), Long[]::new));
        p.addValue("fee", column(rows, r -> r.facts().feeAmount(), Long[]::new));
        p.addValue("synced", column(rows, r -> r.facts().syncedToNationalPortal(), Boolean[]::new));
        p.addValue("copy", column(rows, r -> r.facts().certifiedCopyRequested(), Boolean[]::new));
        p.addValue("copyElectronic", column(rows, r -> r.facts().certifiedCopyElectronic(), Boolean[]::new));
        p.addValue("reused", column(rows, r -> r.facts().reusedDigitisedData(), Boolean[]::new));
        p.addValue("population", column(rows, r -> r.facts().usedPopulationData(), Boolean[]::new));
        p.addValue("resultSynced", column(rows, r -> r.facts().resultSyncedToCitizenStore(), Boolean[]::new));
        return p;
    }

    public void insertEvents(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("dossier", column(rows, EventRow::dossierId, Long[]::new));
        p.addValue("seq", column(rows, EventRow::seq, Integer[]::new));
        p.addValue("transition", column(rows, EventRow::transition, String[]::new));
        p.addValue("from", column(rows, EventRow::fromStatus, String[]::new));
        p.addValue("to", column(rows, EventRow::toStatus, String[]::new));
        p.addValue("at", column(rows, r -> text(r.at()), String[]::new));
        p.addValue("unit", column(rows, EventRow::unitId, Long[]::new));
        p.addValue("actor", column(rows, EventRow::actor, String[]::new));
        p.addValue("reason", column(rows, EventRow::reason, String[]::new));
        p.addValue("details", column(rows, EventRow::detailsJson, String[]::new));
        jdbc.sql("""
                        insert into dossier_event (dossier_id, seq, transition, from_status, to_status, at, unit_id, actor, reason, details)
                        select dossier, seq, transition, from_status, to_status, at, unit, actor, reason, details::jsonb
                        from unnest(cast(:dossier as bigint[]), cast(:seq as integer[]), cast(:transition as text[]), cast(:from as text[]),
                            cast(:to as text[]), cast(:at as timestamptz[]), cast(:unit as bigint[]), cast(:actor as text[]),
                            cast(:reason as text[]), cast(:details as text[]))
                        as e(dossier, seq, transition, from_status, to_status, at, unit, actor, reason, details)""")
                .paramSource(p).update();
    }

    private static <R, T> T[] column(List<R> rows, Function<R, T> value, java.util.function.IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
