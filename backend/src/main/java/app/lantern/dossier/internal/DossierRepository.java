package app.lantern.dossier.internal;

import app.lantern.calendar.WorkingDays;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierEvent;
import app.lantern.dossier.DossierFilter;
import app.lantern.dossier.DossierOrder;
import app.lantern.dossier.DossierStatus;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Scope;
import app.lantern.shared.security.ScopeSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dossier SQL: scoped keyset pages, counts, lookups and the timeline. */
@Repository
public class DossierRepository {

    private static final String COLUMNS = "d.id, d.receipt_code, d.procedure_id, d.unit_id, d.applicant_kind, d.applicant_name,"
            + " d.identity_number, d.phone, d.address, d.channel, d.received_at, d.due_date, d.status, d.current_step_id,"
            + " d.current_official_id, d.step_entered_at, d.result, d.resolved_at, d.returned_at, d.closed_at, d.late,"
            + " d.online_payment, d.digitised_dossier, d.digitised_result, d.satisfaction, d.apology_reason,"
            + " d.apology_new_date, d.apology_issued_at, d.apology_category, d.reject_category, d.reject_reason, d.clock_started_on,"
            + " d.days_used_before, d.version";

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String select(Scope scope) {
        return "select " + COLUMNS + ", " + ScopeSql.personalData(scope, "d.unit_id") + " as applicant_visible from dossier d";
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Dossier map(ResultSet rs, int n) throws SQLException {
        boolean visible = rs.getBoolean("applicant_visible");
        return new Dossier(rs.getLong("id"), rs.getString("receipt_code"), rs.getLong("procedure_id"), rs.getLong("unit_id"),
                rs.getString("applicant_kind"), visible ? rs.getString("applicant_name") : null,
                visible ? rs.getString("identity_number") : null, visible ? rs.getString("phone") : null,
                visible ? rs.getString("address") : null, rs.getString("channel"), instant(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class), DossierStatus.valueOf(rs.getString("status")),
                rs.getObject("current_step_id", Long.class), rs.getObject("current_official_id", Long.class),
                instant(rs, "step_entered_at"), rs.getString("result"), instant(rs, "resolved_at"), instant(rs, "returned_at"),
                instant(rs, "closed_at"), rs.getBoolean("late"), rs.getBoolean("online_payment"),
                rs.getBoolean("digitised_dossier"), rs.getBoolean("digitised_result"), rs.getObject("satisfaction", Integer.class),
                rs.getString("apology_reason"), rs.getObject("apology_new_date", LocalDate.class), instant(rs, "apology_issued_at"),
                rs.getString("apology_category"),
                rs.getString("reject_category"), rs.getString("reject_reason"), rs.getObject("clock_started_on", LocalDate.class),
                rs.getInt("days_used_before"), rs.getInt("version"), visible);
    }

    // ------------------------------------------------------------------ filters

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(WorkingDays.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The WHERE clause of a filter, scoped to the caller, with its parameters bound. */
    static String conditions(DossierFilter f, Scope scope, LocalDate today, MapSqlParameterSource params) {
        return conditions(f, scope, today, params, false);
    }

    /** The units a filter and a scope narrow the dossiers to, as an SQL condition on {@code unit su}. */
    private static String unitSet(DossierFilter f, Scope scope, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>();
        where.add(ScopeSql.inSubtree(scope, "su"));
        if (f.unit() != null) {
            params.addValue("unit", f.unit());
            where.add(f.includeSubunits() ? "su.path like (select fr.path from unit fr where fr.id = :unit) || '%'" : "su.id = :unit");
        }
        return String.join(" and ", where);
    }

    /** @param unitsApart the caller handles the unit conditions (scope and filter) itself */
    static String conditions(DossierFilter f, Scope scope, LocalDate today, MapSqlParameterSource params, boolean unitsApart) {
        List<String> where = new ArrayList<>();
        if (!unitsApart) {
            where.add(ScopeSql.unitIdInSubtree(scope, "d.unit_id"));
        }
        if (f.unit() != null && !unitsApart) {
            params.addValue("unit", f.unit());
            where.add(f.includeSubunits()
                    ? "d.unit_id in (select fu.id from unit fu where fu.path like (select fr.path from unit fr where fr.id = :unit) || '%')"
                    : "d.unit_id = :unit");
        }
        if (f.procedure() != null) {
            where.add("d.procedure_id = :procedure");
            params.addValue("procedure", f.procedure());
        }
        if (f.field() != null) {
            where.add("d.procedure_id in (select fp.id from procedure fp where fp.field = :field)");
            params.addValue("field", f.field());
        }
        if (f.status() != null && !f.status().isEmpty()) {
            where.add("d.status = any(:status)");
            params.addValue("status", f.status().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.channel() != null) {
            where.add("d.channel = :channel");
            params.addValue("channel", f.channel());
        }
        if (f.receivedFrom() != null) {
            where.add("d.received_at >= :receivedFrom");
            params.addValue("receivedFrom", startOf(f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            where.add("d.received_at < :receivedTo");
            params.addValue("receivedTo", startOf(f.receivedTo().plusDays(1)));
        }
        if (f.late() != null) {
            where.add(f.late() ? "d.late" : "not d.late");
        }
        if (f.overdue() != null) {
            params.addValue("today", today);
            // closed_at is null lets the partial index dossier_open_due_idx serve it
            String overdue = "(d.closed_at is null and d.status in ('RECEIVED', 'PROCESSING') and d.due_date < :today)";
            where.add(f.overdue() ? overdue : "not " + overdue);
        }
        if (f.open() != null) {
            where.add(f.open() ? "d.closed_at is null" : "d.closed_at is not null");
        }
        if (f.carriedOverAt() != null) {
            where.add("d.received_at < :periodStart and (d.closed_at is null or d.closed_at >= :periodStart)");
            params.addValue("periodStart", startOf(f.carriedOverAt()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String text = f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.addValue("text", text);
            // each alternative has its own trigram index; procedure names are matched first (a small table)
            List<String> any = new ArrayList<>();
            any.add("lower(d.receipt_code) like '%' || lower(:text) || '%'");
            any.add("d.procedure_id = any(array(select tp.id from procedure tp where lantern_fold(tp.name) like '%' || lantern_fold(:text) || '%'))");
            String personal = ScopeSql.personalData(scope, "d.unit_id");
            if (!personal.equals("false")) {
                // only callers who see applicants may find dossiers by applicant name
                any.add("(lantern_fold(d.applicant_name) like '%' || lantern_fold(:text) || '%'"
                        + (personal.equals("true") ? "" : " and " + personal) + ")");
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        return where.isEmpty() ? "true" : String.join(" and ", where);
    }

    // ------------------------------------------------------------------ reads

    private static Keyset keyset(List<DossierOrder> orderBy) {
        List<Keyset.Key> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean lastDescending = true;
        if (orderBy != null) {
            for (DossierOrder order : orderBy) {
                if (!seen.add(order.field())) {
                    continue;
                }
                keys.add(switch (order.field()) {
                    case "RECEIVED_AT" -> new Keyset.Key("d.received_at", order.descending(), Instant.class);
                    case "DUE_DATE" -> new Keyset.Key("d.due_date", order.descending(), LocalDate.class);
                    case "RECEIPT_CODE" -> new Keyset.Key("d.receipt_code", order.descending(), String.class);
                    default -> throw new InvalidInputException("orderBy", "Unknown order field " + order.field());
                });
                lastDescending = order.descending();
            }
        }
        if (keys.isEmpty()) {
            keys.add(new Keyset.Key("d.received_at", true, Instant.class));
        }
        keys.add(new Keyset.Key("d.id", lastDescending, Long.class));
        return new Keyset(keys);
    }

    /** The cursor of a dossier in a list ordered by {@code orderBy}. */
    public static String cursor(Dossier d, List<DossierOrder> orderBy) {
        List<Object> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (orderBy != null) {
            for (DossierOrder order : orderBy) {
                if (seen.add(order.field())) {
                    values.add(switch (order.field()) {
                        case "RECEIVED_AT" -> d.receivedAt();
                        case "DUE_DATE" -> d.dueDate();
                        default -> d.receiptCode();
                    });
                }
            }
        }
        if (values.isEmpty()) {
            values.add(d.receivedAt());
        }
        values.add(d.key());
        return Keyset.cursor(values.toArray());
    }

    public List<Dossier> page(DossierFilter filter, List<DossierOrder> orderBy, PageRequest page, Scope scope, LocalDate today) {
        boolean text = filter.text() != null && !filter.text().isBlank();
        if (!text && (!scope.all() || filter.unit() != null)) {
            return pagePerUnit(filter, orderBy, page, scope, today);
        }
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        String where = conditions(filter, scope, today, params);
        Keyset keyset = keyset(orderBy);
        if (page.cursor() != null) {
            where += " and " + keyset.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        if (filter.text() != null && !filter.text().isBlank()) {
            // Text matches come from the trigram indexes (a bitmap scan), then the page is sorted from them:
            // cost grows with the matches, never with the table, however selective the planner thinks the text is.
            return jdbc.sql("with d as materialized (" + select(scope) + " where " + where + ") select * from d order by "
                            + keyset.orderBy(page.backward()) + " limit :limit")
                    .paramSource(params).query(DossierRepository::map).list();
        }
        return jdbc.sql(select(scope) + " where " + where + " order by " + keyset.orderBy(page.backward()) + " limit :limit")
                .paramSource(params).query(DossierRepository::map).list();
    }

    /**
     * A page of the dossiers of some units (a unit head's subtree, or a unit filter): the page is
     * taken from each unit's own index range, then merged. Walking the global receipt order instead
     * would skip every other unit's newer dossiers first, e.g. the whole province's since a district
     * was abolished in 2025.
     */
    private List<Dossier> pagePerUnit(DossierFilter filter, List<DossierOrder> orderBy, PageRequest page, Scope scope, LocalDate today) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        List<Long> units = jdbc.sql("select su.id from unit su where " + unitSet(filter, scope, params)).paramSource(params)
                .query(Long.class).list();
        if (units.isEmpty()) {
            return List.of();
        }
        params.addValue("units", units.toArray(Long[]::new));
        String where = conditions(filter, scope, today, params, true);
        Keyset keyset = keyset(orderBy);
        if (page.cursor() != null) {
            where += " and " + keyset.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        String order = keyset.orderBy(page.backward());
        return jdbc.sql("select d.* from unnest(cast(:units as bigint[])) as pu(id) cross join lateral ("
                        + select(scope) + " where d.unit_id = pu.id and " + where + " order by " + order + " limit :limit) d"
                        + " order by " + order + " limit :limit")
                .paramSource(params).query(DossierRepository::map).list();
    }

    public long count(DossierFilter filter, Scope scope, LocalDate today) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        return jdbc.sql("select count(*) from dossier d where " + conditions(filter, scope, today, params))
                .paramSource(params).query(Long.class).single();
    }

    public Map<DossierStatus, Long> countByStatus(DossierFilter filter, Scope scope, LocalDate today) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        Map<DossierStatus, Long> counts = new EnumMap<>(DossierStatus.class);
        for (DossierStatus s : DossierStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select d.status, count(*) from dossier d where " + conditions(filter, scope, today, params) + " group by d.status")
                .paramSource(params)
                .query((rs, n) -> counts.put(DossierStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    public Optional<Dossier> byCode(String code, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("code", code));
        return jdbc.sql(select(scope) + " where d.receipt_code = :code and " + ScopeSql.unitIdInSubtree(scope, "d.unit_id"))
                .paramSource(params).query(DossierRepository::map).optional();
    }

    public Optional<Dossier> byId(long id, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("id", id));
        return jdbc.sql(select(scope) + " where d.id = :id and " + ScopeSql.unitIdInSubtree(scope, "d.unit_id"))
                .paramSource(params).query(DossierRepository::map).optional();
    }

    /** The dossiers with these ids that the caller may see, in no particular order. */
    public List<Dossier> byIds(Collection<Long> ids, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", ids.toArray(Long[]::new)));
        return jdbc.sql(select(scope) + " where d.id = any(:ids) and " + ScopeSql.unitIdInSubtree(scope, "d.unit_id"))
                .paramSource(params).query(DossierRepository::map).list();
    }

    /** The dossier locked for a change (the caller's scope already checked). */
    public Optional<Dossier> lockById(long id, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("id", id));
        return jdbc.sql(select(scope) + " where d.id = :id and " + ScopeSql.unitIdInSubtree(scope, "d.unit_id") + " for update")
                .paramSource(params).query(DossierRepository::map).optional();
    }

    /** The {@code perUnit} latest visible dossiers of each unit. */
    public List<Dossier> latestOfUnits(Collection<Long> unitIds, int perUnit, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("units", unitIds.toArray(Long[]::new)))
                .addValue("limit", perUnit);
        return jdbc.sql("select d.* from unnest(cast(:units as bigint[])) as pu(id) cross join lateral (" + select(scope)
                        + " where d.unit_id = pu.id and " + ScopeSql.unitIdInSubtree(scope, "d.unit_id")
                        + " order by d.received_at desc, d.id desc limit :limit) d")
                .paramSource(params).query(DossierRepository::map).list();
    }

    private static DossierEvent event(ResultSet rs, int n) throws SQLException {
        return new DossierEvent(rs.getLong("id"), rs.getLong("dossier_id"), rs.getInt("seq"), rs.getString("transition"),
                rs.getString("from_status"), rs.getString("to_status"), rs.getObject("step_id", Long.class), instant(rs, "at"),
                rs.getObject("unit_id", Long.class), rs.getObject("official_id", Long.class), rs.getString("reason"),
                rs.getString("details"));
    }

    /** Timelines of the given dossiers (already checked visible), oldest first. */
    public List<DossierEvent> eventsOf(Collection<Long> dossierIds) {
        return jdbc.sql("select id, dossier_id, seq, transition, from_status, to_status, step_id, at, unit_id, official_id,"
                        + " reason, details::text as details from dossier_event where dossier_id = any(:ids) order by dossier_id, seq")
                .param("ids", dossierIds.toArray(Long[]::new)).query(DossierRepository::event).list();
    }

    // ------------------------------------------------------------------ writes

    public long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('dossier', 'id'))").query(Long.class).single();
    }

    /** A new dossier; applicant fields as given (the caller is staff of the receiving unit). */
    public void insert(Dossier d, String lookupSecretHash) {
        jdbc.sql("""
                insert into dossier (id, receipt_code, procedure_id, unit_id, applicant_kind, applicant_name, identity_number,
                    phone, address, channel, received_at, due_date, status, current_step_id, current_official_id, step_entered_at,
                    online_payment, digitised_dossier, lookup_secret_hash, clock_started_on, days_used_before)
                values (:id, :code, :procedure, :unit, :kind, :name, :identity, :phone, :address, :channel, :receivedAt, :due,
                    :status, :step, :official, :receivedAt, :onlinePayment, :digitised, :hash, :clockStart, 0)""")
                .param("id", d.key()).param("code", d.receiptCode()).param("procedure", d.procedureId()).param("unit", d.unitId())
                .param("kind", d.applicantKind()).param("name", d.applicantName()).param("identity", d.identityNumber())
                .param("phone", d.phone()).param("address", d.address()).param("channel", d.channel())
                .param("receivedAt", utc(d.receivedAt())).param("due", d.dueDate()).param("status", d.status().name())
                .param("step", d.currentStepId()).param("official", d.currentOfficialId())
                .param("onlinePayment", d.onlinePayment()).param("digitised", d.digitisedDossier()).param("hash", lookupSecretHash)
                .param("clockStart", d.clockStartedOn())
                .update();
    }

    /** The facts of receipt the indicators count, on a dossier just inserted. */
    public void recordReceiptFacts(long id, boolean synced, boolean certifiedCopy, boolean certifiedCopyElectronic, boolean reused,
                                   boolean populationData) {
        jdbc.sql("""
                update dossier set synced_to_national_portal = :synced, certified_copy_requested = :copy,
                    certified_copy_electronic = :copyElectronic, reused_digitised_data = :reused, used_population_data = :population
                where id = :id""")
                .param("synced", synced).param("copy", certifiedCopy).param("copyElectronic", certifiedCopyElectronic)
                .param("reused", reused).param("population", populationData).param("id", id).update();
    }

    /** The dossier's electronic result was synchronised to the applicant's data store. */
    public void recordResultSyncedToCitizenStore(long id) {
        jdbc.sql("update dossier set result_synced_to_citizen_store = true where id = :id").param("id", id).update();
    }

    /**
     * Writes the lifecycle fields of {@code d} if the stored version is still {@code expectedVersion};
     * false when someone else changed the dossier in between. Applicant data is never rewritten.
     */
    public boolean update(Dossier d, int expectedVersion) {
        return jdbc.sql("""
                update dossier set due_date = :due, status = :status, current_step_id = :step, current_official_id = :official,
                    step_entered_at = :stepEntered, result = :result, resolved_at = :resolvedAt, returned_at = :returnedAt,
                    closed_at = :closedAt, late = :late, digitised_result = :digitisedResult, satisfaction = :satisfaction,
                    apology_reason = :apologyReason, apology_new_date = :apologyDate, apology_issued_at = :apologyAt, apology_category = :apologyCategory,
                    reject_category = :rejectCategory, reject_reason = :rejectReason, clock_started_on = :clockStart,
                    days_used_before = :usedBefore, version = version + 1
                where id = :id and version = :version""")
                .param("due", d.dueDate()).param("status", d.status().name()).param("step", d.currentStepId())
                .param("official", d.currentOfficialId()).param("stepEntered", utc(d.stepEnteredAt())).param("result", d.result())
                .param("resolvedAt", utc(d.resolvedAt())).param("returnedAt", utc(d.returnedAt())).param("closedAt", utc(d.closedAt()))
                .param("late", d.late()).param("digitisedResult", d.digitisedResult()).param("satisfaction", d.satisfaction())
                .param("apologyReason", d.apologyReason()).param("apologyDate", d.apologyNewDate())
                .param("apologyAt", utc(d.apologyIssuedAt())).param("apologyCategory", d.apologyCategory()).param("rejectCategory", d.rejectCategory())
                .param("rejectReason", d.rejectReason()).param("clockStart", d.clockStartedOn()).param("usedBefore", d.daysUsedBefore())
                .param("id", d.key()).param("version", expectedVersion)
                .update() == 1;
    }

    public void insertEvent(long dossierId, String transition, String from, String to, Long stepId, Instant at, long unitId,
                            Long officialId, String actor, String reason, String detailsJson) {
        jdbc.sql("""
                insert into dossier_event (dossier_id, seq, transition, from_status, to_status, step_id, at, unit_id, official_id,
                    actor, reason, details)
                values (:dossier, (select coalesce(max(seq), 0) + 1 from dossier_event where dossier_id = :dossier), :transition,
                    :from, :to, :step, :at, :unit, :official, :actor, :reason, cast(:details as jsonb))""")
                .param("dossier", dossierId).param("transition", transition).param("from", from).param("to", to)
                .param("step", stepId).param("at", utc(at)).param("unit", unitId).param("official", officialId)
                .param("actor", actor).param("reason", reason).param("details", detailsJson).update();
    }

    public void insertOverrun(long dossierId, long stepId, long unitId, Long officialId, Instant enteredAt, Instant leftAt,
                              int allowance, int used, int over) {
        jdbc.sql("""
                insert into dossier_step_overrun (dossier_id, step_id, unit_id, official_id, entered_at, left_at,
                    allowance_days, days_used, days_over)
                values (:dossier, :step, :unit, :official, :entered, :left, :allowance, :used, :over)""")
                .param("dossier", dossierId).param("step", stepId).param("unit", unitId).param("official", officialId)
                .param("entered", utc(enteredAt)).param("left", utc(leftAt)).param("allowance", allowance)
                .param("used", used).param("over", over).update();
    }

    public long overrunCount(long dossierId) {
        return jdbc.sql("select count(*) from dossier_step_overrun where dossier_id = :id").param("id", dossierId)
                .query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
