package app.lantern.indicator.internal;

import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.Unit;
import app.lantern.indicator.DelayList;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Delays lists: computed live from {@code dossier_step_overrun} and the dossiers' current steps, stored as published. */
@Repository
public class DelayListRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DelayListRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(WorkingDays.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A step that ended over its allowance: its dossier, official (null when none was recorded), procedure and days over. */
    public record Ended(long dossierId, Long officialId, long procedureId, int daysOver) {
    }

    /** A step still running at a moment: its dossier, official (null when none), procedure, when it began, its place and allowance. */
    public record Running(long dossierId, Long officialId, long procedureId, Instant enteredAt, int ordinal, int allowanceDays) {
    }

    /** A supplement request or resumption of a dossier: the clock stops and starts again. */
    public record Pause(long dossierId, boolean resumed, Instant at) {
    }

    private static final String SUBTREE = " in (select su.id from unit su where su.path like :path || '%')";

    /** Steps at units of {@code unit}'s subtree that ended over their allowance in the month, with or without an official. */
    public List<Ended> ended(Unit unit, YearMonth month) {
        return jdbc.sql("select r.dossier_id, r.official_id, d.procedure_id, r.days_over from dossier_step_overrun r"
                        + " join dossier d on d.id = r.dossier_id where r.left_at >= :start and r.left_at < :end and r.unit_id" + SUBTREE)
                .param("path", unit.path()).param("start", startOf(month.atDay(1))).param("end", startOf(month.plusMonths(1).atDay(1)))
                .query((rs, n) -> new Ended(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3), rs.getInt(4))).list();
    }

    /**
     * Steps at units of {@code unit}'s subtree still running at {@code until}: the current steps of
     * open dossiers entered before it, and steps that ended after it over their allowance (so were
     * running then). The responsible unit of a current step follows the workflow's rule: a step of
     * the catalogue owner's is done by the unit handling the dossier.
     */
    public List<Running> running(Unit unit, Instant until) {
        return jdbc.sql("select d.id, d.current_official_id, d.procedure_id, d.step_entered_at, s.ordinal, s.allowance_days"
                        + " from dossier d join procedure_step s on s.id = d.current_step_id join procedure p on p.id = d.procedure_id"
                        + " where d.closed_at is null and d.step_entered_at < :until"
                        + " and (case when s.responsible_unit_id = p.unit_id then d.unit_id else s.responsible_unit_id end)" + SUBTREE
                        + " union all select r.dossier_id, r.official_id, d.procedure_id, r.entered_at, s.ordinal, r.allowance_days"
                        + " from dossier_step_overrun r join dossier d on d.id = r.dossier_id join procedure_step s on s.id = r.step_id"
                        + " where r.entered_at < :until and r.left_at >= :until and r.unit_id" + SUBTREE)
                .param("path", unit.path()).param("until", until.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Running(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getInt(6))).list();
    }

    /** The supplement requests and resumptions of the dossiers before {@code until}, in time order. */
    public List<Pause> pauses(List<Long> dossierIds, Instant until) {
        return jdbc.sql("select dossier_id, transition = 'RESUME_AFTER_SUPPLEMENT', at from dossier_event where dossier_id = any(:ids)"
                        + " and transition in ('REQUEST_SUPPLEMENT', 'RESUME_AFTER_SUPPLEMENT') and at < :until order by dossier_id, seq")
                .param("ids", dossierIds.toArray(Long[]::new)).param("until", until.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Pause(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    /** An official as the list shows them. */
    public record Person(long id, String fullName, String position, String unitName) {
    }

    public Map<Long, Person> officials(List<Long> ids) {
        Map<Long, Person> result = new HashMap<>();
        jdbc.sql("select o.id, o.full_name, o.position, u.name from official o join unit u on u.id = o.unit_id where o.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    result.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return result;
    }

    /** A procedure's national code and name. */
    public record ProcedureName(String nationalCode, String name) {
    }

    public Map<Long, ProcedureName> procedures(List<Long> ids) {
        Map<Long, ProcedureName> result = new HashMap<>();
        jdbc.sql("select id, national_code, name from procedure where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    result.put(rs.getLong(1), new ProcedureName(rs.getString(2), rs.getString(3)));
                });
        return result;
    }

    /** A published list's header. */
    public record Published(long id, long unitId, String unitCode, String unitName, int year, int month, Instant publishedAt,
                            String publishedBy) {
    }

    private static Published published(ResultSet rs, int n) throws SQLException {
        return new Published(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"), rs.getInt("year"),
                rs.getInt("month"), rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"));
    }

    private static final String PUBLISHED = "select l.id, l.unit_id, u.code, u.name, l.year, l.month, l.published_at, l.published_by"
            + " from delay_list l join unit u on u.id = l.unit_id";

    public Optional<Published> published(long unitId, int year, int month) {
        return jdbc.sql(PUBLISHED + " where l.unit_id = :unit and l.year = :year and l.month = :month")
                .param("unit", unitId).param("year", year).param("month", month).query(DelayListRepository::published).optional();
    }

    public Optional<Published> published(String unitCode, int year, int month) {
        return jdbc.sql(PUBLISHED + " where u.code = :code and l.year = :year and l.month = :month")
                .param("code", unitCode).param("year", year).param("month", month).query(DelayListRepository::published).optional();
    }

    private static final Keyset ORDER = new Keyset(List.of(new Keyset.Key("l.year", true, Long.class),
            new Keyset.Key("l.month", true, Long.class), new Keyset.Key("l.id", true, Long.class)));

    public static String cursor(Published p) {
        return Keyset.cursor(p.year(), p.month(), p.id());
    }

    /** Published lists, newest month first. */
    public List<Published> publishedPage(String unitCode, Integer year, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = conditions(unitCode, year, params);
        if (page.cursor() != null) {
            where += " and " + ORDER.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql(PUBLISHED + " where " + where + " order by " + ORDER.orderBy(page.backward()) + " limit :limit")
                .paramSource(params).query(DelayListRepository::published).list();
    }

    public long publishedCount(String unitCode, Integer year) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.sql("select count(*) from delay_list l join unit u on u.id = l.unit_id where " + conditions(unitCode, year, params))
                .paramSource(params).query(Long.class).single();
    }

    private static String conditions(String unitCode, Integer year, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>();
        where.add("true");
        if (unitCode != null) {
            where.add("u.code = :code");
            params.addValue("code", unitCode);
        }
        if (year != null) {
            where.add("l.year = :year");
            params.addValue("year", year);
        }
        return String.join(" and ", where);
    }

    /** The entries of published lists, by list id, in their published order. */
    public Map<Long, List<DelayList.Entry>> entries(List<Long> listIds) {
        Map<Long, List<DelayList.Entry>> result = new LinkedHashMap<>();
        jdbc.sql("select list_id, official_id, official_name, official_position, unit_name, dossiers, overruns, days_over,"
                        + " procedures::text as procedures from delay_list_entry where list_id = any(:ids) order by list_id, ordinal")
                .param("ids", listIds.toArray(Long[]::new)).query((ResultSet rs) -> {
                    List<DelayList.ProcedureCount> procedures = new ArrayList<>();
                    for (JsonNode p : json.readTree(rs.getString("procedures"))) {
                        procedures.add(new DelayList.ProcedureCount(p.get("nationalCode").asString(), p.get("name").asString(),
                                p.get("dossiers").asInt()));
                    }
                    result.computeIfAbsent(rs.getLong("list_id"), k -> new ArrayList<>()).add(new DelayList.Entry(
                            rs.getObject("official_id", Long.class), rs.getString("official_name"), rs.getString("official_position"),
                            rs.getString("unit_name"), rs.getInt("dossiers"), rs.getInt("overruns"), rs.getInt("days_over"),
                            List.copyOf(procedures)));
                });
        return result;
    }

    /** Stores a published list; false when one for the unit and month exists already. */
    public Optional<Long> publish(long unitId, YearMonth month, Instant at, String by, String byUsername, List<DelayList.Entry> entries) {
        Optional<Long> id = jdbc.sql("""
                        insert into delay_list (unit_id, year, month, published_at, published_by, published_by_username)
                        values (:unit, :year, :month, :at, :by, :username) on conflict (unit_id, year, month) do nothing returning id""")
                .param("unit", unitId).param("year", month.getYear()).param("month", month.getMonthValue())
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).param("username", byUsername).query(Long.class).optional();
        id.ifPresent(listId -> {
            int ordinal = 0;
            for (DelayList.Entry e : entries) {
                List<Map<String, Object>> procedures = e.procedures().stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("nationalCode", p.nationalCode());
                    m.put("name", p.name());
                    m.put("dossiers", p.dossiers());
                    return m;
                }).toList();
                jdbc.sql("""
                                insert into delay_list_entry (list_id, ordinal, official_id, official_name, official_position, unit_name,
                                    dossiers, overruns, days_over, procedures)
                                values (:list, :ordinal, :official, :name, :position, :unitName, :dossiers, :overruns, :daysOver,
                                    cast(:procedures as jsonb))""")
                        .param("list", listId).param("ordinal", ++ordinal).param("official", e.officialId())
                        .param("name", e.officialName()).param("position", e.officialPosition()).param("unitName", e.unitName())
                        .param("dossiers", e.dossiers()).param("overruns", e.overruns()).param("daysOver", e.daysOver())
                        .param("procedures", json.writeValueAsString(procedures)).update();
            }
        });
        return id;
    }
}
