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

/** Delays lists: computed live from {@code dossier_step_overrun}, stored as published. */
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

    /** The live list: overruns whose step ended in the month at units of {@code unit}'s subtree, by official. */
    public List<DelayList.Entry> live(Unit unit, YearMonth month) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("path", unit.path())
                .addValue("start", startOf(month.atDay(1))).addValue("end", startOf(month.plusMonths(1).atDay(1)));
        String overruns = "select r.* from dossier_step_overrun r where r.left_at >= :start and r.left_at < :end"
                + " and r.official_id is not null and r.unit_id in (select su.id from unit su where su.path like :path || '%')";
        Map<Long, List<DelayList.ProcedureCount>> procedures = new HashMap<>();
        jdbc.sql("with r as (" + overruns + ") select r.official_id, p.national_code, p.name, count(distinct r.dossier_id) as dossiers"
                        + " from r join dossier d on d.id = r.dossier_id join procedure p on p.id = d.procedure_id"
                        + " group by r.official_id, p.national_code, p.name order by dossiers desc, p.national_code")
                .paramSource(params).query((ResultSet rs) -> {
                    procedures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DelayList.ProcedureCount(rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
        return jdbc.sql("with r as (" + overruns + ") select o.id, o.full_name, o.position, ou.name as unit_name,"
                        + " count(distinct r.dossier_id) as dossiers, count(*) as overruns, sum(r.days_over) as days_over"
                        + " from r join official o on o.id = r.official_id join unit ou on ou.id = o.unit_id"
                        + " group by o.id, o.full_name, o.position, ou.name order by days_over desc, dossiers desc, o.full_name, o.id")
                .paramSource(params)
                .query((rs, n) -> new DelayList.Entry(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
                        rs.getString("unit_name"), rs.getInt("dossiers"), rs.getInt("overruns"), rs.getInt("days_over"),
                        List.copyOf(procedures.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
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
