package app.lantern.indicator.internal;

import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.Unit;
import app.lantern.indicator.Counter;
import app.lantern.indicator.Counts;
import app.lantern.indicator.IndicatorCode;
import app.lantern.indicator.Period;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indicators' SQL: counters per unit and period from the monthly rollups and the catalogue's history,
 * feedback from its source when there is one, and the rows behind each counter for drill-downs.
 * Each counter has one condition, used both to count procedures and to list what is behind a figure.
 */
@Repository
public class IndicatorRepository {

    /** Optional view or table the feedback feature provides: unit_id, received_on, answered_on, answered_on_time, satisfied. */
    public static final String FEEDBACK_SOURCE = "indicator_feedback_source";

    private static final String RECEIVED = "d.received_at >= :start and d.received_at < :end";
    private static final String RESOLVED = "d.status in ('RESOLVED', 'RETURNED') and d.resolved_at >= :start and d.resolved_at < :end";
    /** Due in the period: resolved ones, and open ones whose due date has passed (an open dossier due today or later is not yet due). */
    private static final String DUE = "d.status not in ('REJECTED', 'WITHDRAWN') and d.due_date between :fromDate and :toDate"
            + " and (d.status in ('RESOLVED', 'RETURNED') or d.due_date < :today)";
    /*
     * Procedure counters read the version of the procedure's facts in force at the period's end (procedure_history,
     * alias p, with its unit as u): an edit of the catalogue after a period never changes that period's figures.
     * Counts of procedures as they stand (in force, online, with a fee, ...) take the units that existed on the period's
     * last day; counts of what happened in the period (took effect, announced) the units that existed on that day.
     */
    private static final String VERSION_AT_END = "p.valid_from < :asOf and (p.valid_to is null or p.valid_to >= :asOf)";
    private static final String EFFECTIVE = "p.effective_on between :fromDate and :toDate and " + unitOn("p.effective_on");
    private static final String ANNOUNCED = "p.announced_on between :fromDate and :toDate and " + unitOn("p.announced_on");
    private static final String IN_FORCE = "(p.review_state <> 'ABOLISHED' or p.abolished_on > :toDate)"
            + " and (p.announced_on is null or p.announced_on <= :toDate) and " + unitOn(":toDate");
    private static final String ONLINE = IN_FORCE + " and p.online_level <> 'OFFLINE'";
    private static final String FEE = IN_FORCE + " and p.fee > 0";

    private static final Map<Counter, String> CONDITIONS = new EnumMap<>(Counter.class);

    static {
        CONDITIONS.put(Counter.RECEIVED, RECEIVED);
        CONDITIONS.put(Counter.RECEIVED_ONLINE, RECEIVED + " and d.channel = 'ONLINE'");
        CONDITIONS.put(Counter.RECEIVED_FEE, RECEIVED + " and d.fee_amount > 0");
        CONDITIONS.put(Counter.PAID_ONLINE, RECEIVED + " and d.fee_amount > 0 and d.online_payment");
        CONDITIONS.put(Counter.SYNCED_PORTAL, RECEIVED + " and d.synced_to_national_portal");
        CONDITIONS.put(Counter.DIGITISED, RECEIVED + " and d.digitised_dossier");
        CONDITIONS.put(Counter.CERT_REQUESTED, RECEIVED + " and d.certified_copy_requested");
        CONDITIONS.put(Counter.CERT_ELECTRONIC, RECEIVED + " and d.certified_copy_requested and d.certified_copy_electronic");
        CONDITIONS.put(Counter.REUSED_DATA, RECEIVED + " and d.reused_digitised_data");
        CONDITIONS.put(Counter.POPULATION_DATA, RECEIVED + " and d.used_population_data");
        CONDITIONS.put(Counter.RESOLVED, RESOLVED);
        CONDITIONS.put(Counter.RESOLVED_ELECTRONIC, RESOLVED + " and d.digitised_result");
        CONDITIONS.put(Counter.RESULT_SYNCED, RESOLVED + " and d.result_synced_to_citizen_store");
        CONDITIONS.put(Counter.RATED, RESOLVED + " and d.satisfaction is not null");
        CONDITIONS.put(Counter.RATED_SATISFIED, RESOLVED + " and d.satisfaction >= 4");
        CONDITIONS.put(Counter.DUE, DUE);
        CONDITIONS.put(Counter.DUE_ON_TIME, DUE + " and d.status in ('RESOLVED', 'RETURNED') and not d.late");
        CONDITIONS.put(Counter.PROC_EFFECTIVE, EFFECTIVE);
        CONDITIONS.put(Counter.PROC_ANNOUNCED_ON_TIME, EFFECTIVE + " and p.announced_on <= p.effective_on");
        CONDITIONS.put(Counter.PROC_ANNOUNCED, ANNOUNCED);
        CONDITIONS.put(Counter.PROC_PUBLISHED_ON_TIME, ANNOUNCED + " and p.published_on <= p.announced_on + 7");
        CONDITIONS.put(Counter.PROC_IN_FORCE, IN_FORCE);
        CONDITIONS.put(Counter.PROC_FULL_CONTENT, IN_FORCE + " and p.published and p.full_content_published");
        CONDITIONS.put(Counter.PROC_ONLINE, ONLINE);
        CONDITIONS.put(Counter.PROC_ONLINE_USED, ONLINE + " and exists (select 1 from indicator_monthly um where um.procedure_id = p.procedure_id"
                + " and um.month between :fromDate and :toDate and um.received_online > 0)");
        CONDITIONS.put(Counter.PROC_FEE, FEE);
        CONDITIONS.put(Counter.PROC_ONLINE_PAYMENT, FEE + " and p.online_payment_enabled");
        CONDITIONS.put(Counter.PROC_PORTAL_PAYMENT, FEE + " and p.portal_payment_configured");
        CONDITIONS.put(Counter.PROC_POPULATION_DB, IN_FORCE + " and p.population_db_connected");
    }

    /** The unit existed on {@code day} (an SQL date expression). */
    private static String unitOn(String day) {
        return "u.valid_from <= " + day + " and (u.valid_to is null or u.valid_to >= " + day + ")";
    }

    private final JdbcClient jdbc;
    /** Whether the feedback source exists: looked up once, it only changes with a migration (and a restart). */
    private volatile Boolean feedbackSource;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ units

    /** Every unit, unscoped: the service decides what the caller may ask for. */
    public List<Unit> allUnits() {
        return jdbc.sql("select id, code, name, level, parent_id, path, address, phone, email, one_stop_shop, valid_from, valid_to,"
                        + " version from unit order by code")
                .query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
                        rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getString("address"), rs.getString("phone"),
                        rs.getString("email"), rs.getBoolean("one_stop_shop"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getInt("version")))
                .list();
    }

    // ------------------------------------------------------------------ counters

    private static MapSqlParameterSource periods(List<Period> periods, List<Long> units) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("i", java.util.stream.IntStream.range(0, periods.size()).boxed().toArray(Integer[]::new))
                .addValue("f", periods.stream().map(p -> p.from().toString()).toArray(String[]::new))
                .addValue("t", periods.stream().map(p -> p.to().toString()).toArray(String[]::new));
        if (units != null) {
            params.addValue("units", units.toArray(Long[]::new));
        }
        return params;
    }

    private static final String PERIODS = "with pr as (select * from unnest(cast(:i as int[]), cast(cast(:f as text[]) as date[]), cast(cast(:t as text[]) as date[])) as x(i, f, t)) ";

    /**
     * The counters per period (by index) and unit: dossier counters of the units' own dossiers (the
     * handling unit), procedure counters of their own catalogues, feedback of the units.
     *
     * The rollup counts every dossier due in a month that is not rejected or withdrawn; an open
     * dossier whose due date is {@code today} or later is not due yet, so those are taken off the
     * due count here, read from the open-dossier index ({@code dossier_open_due_idx}), for the
     * periods that reach today.
     *
     * @param units the units to count, or null for all
     * @param today today in Vietnam
     */
    public Map<Integer, Map<Long, Counts>> counts(List<Period> periods, List<Long> units, LocalDate today) {
        Map<Integer, Map<Long, Counts>> result = new HashMap<>();
        MapSqlParameterSource params = periods(periods, units);
        StringJoiner sums = new StringJoiner(", ");
        for (Counter c : Counter.DOSSIER) {
            sums.add("sum(m." + c.column() + ")");
        }
        jdbc.sql(PERIODS + "select pr.i, m.unit_id, " + sums + " from pr join indicator_monthly_unit m on m.month between pr.f and pr.t"
                        + (units == null ? "" : " and m.unit_id = any(:units)") + " group by pr.i, m.unit_id")
                .paramSource(params).query((ResultSet rs) -> {
                    Counts counts = slot(result, rs.getInt(1), rs.getLong(2));
                    for (int k = 0; k < Counter.DOSSIER.length; k++) {
                        counts.set(Counter.DOSSIER[k], rs.getLong(3 + k));
                    }
                });
        if (periods.stream().anyMatch(p -> !p.to().isBefore(today))) {
            params.addValue("today", today);
            jdbc.sql(PERIODS + "select pr.i, d.unit_id, count(*) from pr join dossier d on d.closed_at is null"
                            + " and d.due_date >= greatest(pr.f, cast(:today as date)) and d.due_date <= pr.t"
                            + (units == null ? "" : " and d.unit_id = any(:units)") + " where pr.t >= cast(:today as date)"
                            + " group by pr.i, d.unit_id")
                    .paramSource(params).query((ResultSet rs) -> {
                        Counts counts = slot(result, rs.getInt(1), rs.getLong(2));
                        counts.set(Counter.DUE, counts.get(Counter.DUE) - rs.getLong(3));
                    });
        }
        StringJoiner filters = new StringJoiner(", ");
        for (Counter c : Counter.PROCEDURE) {
            filters.add("count(*) filter (where " + CONDITIONS.get(c).replace(":fromDate", "pr.f").replace(":toDate", "pr.t") + ")");
        }
        String periodEnd = "((pr.t + 1)::timestamp at time zone '" + WorkingDays.ZONE.getId() + "')";
        jdbc.sql(PERIODS + "select pr.i, p.unit_id, " + filters + " from pr join procedure_history p on "
                        + VERSION_AT_END.replace(":asOf", periodEnd) + " join unit u on u.id = p.unit_id"
                        + (units == null ? "" : " where p.unit_id = any(:units)") + " group by pr.i, p.unit_id")
                .paramSource(params).query((ResultSet rs) -> {
                    Counts counts = slot(result, rs.getInt(1), rs.getLong(2));
                    for (int k = 0; k < Counter.PROCEDURE.length; k++) {
                        counts.set(Counter.PROCEDURE[k], rs.getLong(3 + k));
                    }
                });
        if (feedbackSourcePresent()) {
            // two range reads, one on the day received and one on the day answered, each matching an index of the feedback table;
            // an unanswered item whose deadline has not passed (answered_on_time null) is neither on time nor late yet
            String unitFilter = units == null ? "" : " and fb.unit_id = any(:units)";
            jdbc.sql(PERIODS + "select pr.i, fb.unit_id, count(*) filter (where fb.answered_on_time is not null),"
                            + " count(*) filter (where fb.answered_on_time), 0, 0"
                            + " from pr join " + FEEDBACK_SOURCE + " fb on fb.received_on between pr.f and pr.t" + unitFilter
                            + " group by pr.i, fb.unit_id"
                            + " union all select pr.i, fb.unit_id, 0, 0, count(*) filter (where fb.satisfied is not null),"
                            + " count(*) filter (where fb.satisfied)"
                            + " from pr join " + FEEDBACK_SOURCE + " fb on fb.answered_on between pr.f and pr.t" + unitFilter
                            + " group by pr.i, fb.unit_id")
                    .paramSource(params).query((ResultSet rs) -> {
                        Counts counts = slot(result, rs.getInt(1), rs.getLong(2));
                        for (int k = 0; k < Counter.FEEDBACK.length; k++) {
                            counts.set(Counter.FEEDBACK[k], counts.get(Counter.FEEDBACK[k]) + rs.getLong(3 + k));
                        }
                    });
            result.values().forEach(perUnit -> perUnit.values().forEach(c -> c.feedbackSource(true)));
        }
        return result;
    }

    private static Counts slot(Map<Integer, Map<Long, Counts>> result, int period, long unit) {
        return result.computeIfAbsent(period, k -> new HashMap<>()).computeIfAbsent(unit, k -> new Counts());
    }

    /** Whether this installation records citizens' feedback in the shape the indicators read. */
    public boolean feedbackSourcePresent() {
        Boolean present = feedbackSource;
        if (present == null) {
            present = jdbc.sql("select to_regclass(:name) is not null").param("name", FEEDBACK_SOURCE).query(Boolean.class).single();
            feedbackSource = present;
        }
        return present;
    }

    // ------------------------------------------------------------------ drill-down

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(WorkingDays.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The condition of a side of an indicator's fraction; {@code part} NUMERATOR, DENOMINATOR or SHORTFALL. */
    private static String condition(IndicatorCode code, String part) {
        String numerator = CONDITIONS.get(code.numerator());
        String denominator = CONDITIONS.get(code.denominator());
        return switch (part) {
            case "NUMERATOR" -> numerator;
            case "DENOMINATOR" -> denominator;
            default -> "(" + denominator + ") and not coalesce((" + numerator + "), false)";
        };
    }

    private static MapSqlParameterSource drillParams(Period period, List<Long> units, LocalDate today) {
        return new MapSqlParameterSource().addValue("units", units.toArray(Long[]::new)).addValue("today", today)
                .addValue("start", startOf(period.from())).addValue("end", startOf(period.to().plusDays(1)))
                .addValue("fromDate", period.from()).addValue("toDate", period.to())
                .addValue("asOf", startOf(period.to().plusDays(1)));
    }

    private static final Keyset DOSSIER_ORDER = new Keyset(List.of(new Keyset.Key("d.received_at", true, Instant.class),
            new Keyset.Key("d.id", true, Long.class)));

    /** A row of a drill-down page: its key and its cursor values. */
    public record Row(long id, String cursor) {
    }

    /** A page of the dossiers behind one side of a dossier-based indicator, newest first. */
    public List<Row> dossiers(IndicatorCode code, String part, Period period, List<Long> units, LocalDate today, PageRequest page) {
        MapSqlParameterSource params = drillParams(period, units, today);
        String where = "d.unit_id = any(:units) and " + condition(code, part);
        if (page.cursor() != null) {
            where += " and " + DOSSIER_ORDER.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select d.id, d.received_at from dossier d where " + where + " order by " + DOSSIER_ORDER.orderBy(page.backward())
                        + " limit :limit")
                .paramSource(params)
                .query((rs, n) -> new Row(rs.getLong(1), Keyset.cursor(rs.getObject(2, OffsetDateTime.class), rs.getLong(1))))
                .list();
    }

    public long dossierCount(IndicatorCode code, String part, Period period, List<Long> units, LocalDate today) {
        return jdbc.sql("select count(*) from dossier d where d.unit_id = any(:units) and " + condition(code, part))
                .paramSource(drillParams(period, units, today)).query(Long.class).single();
    }

    private static final Keyset PROCEDURE_ORDER = new Keyset(List.of(new Keyset.Key("c.national_code", false, String.class),
            new Keyset.Key("c.id", false, Long.class)));

    /** The versions in force at the period's end (p) of the procedures (c) of the units (u) counted. */
    private static final String PROCEDURE_VERSIONS = " from procedure_history p join procedure c on c.id = p.procedure_id"
            + " join unit u on u.id = p.unit_id where p.unit_id = any(:units) and " + VERSION_AT_END + " and ";

    /** A page of the procedures behind one side of a procedure-based indicator, by national code. */
    public List<Row> procedures(IndicatorCode code, String part, Period period, List<Long> units, PageRequest page) {
        MapSqlParameterSource params = drillParams(period, units, null);
        String where = "(" + condition(code, part) + ")";
        if (page.cursor() != null) {
            where += " and " + PROCEDURE_ORDER.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select c.id, c.national_code" + PROCEDURE_VERSIONS + where + " order by "
                        + PROCEDURE_ORDER.orderBy(page.backward()) + " limit :limit")
                .paramSource(params)
                .query((rs, n) -> new Row(rs.getLong(1), Keyset.cursor(rs.getString(2), rs.getLong(1))))
                .list();
    }

    public long procedureCount(IndicatorCode code, String part, Period period, List<Long> units) {
        return jdbc.sql("select count(*)" + PROCEDURE_VERSIONS + "(" + condition(code, part) + ")")
                .paramSource(drillParams(period, units, null)).query(Long.class).single();
    }
}
