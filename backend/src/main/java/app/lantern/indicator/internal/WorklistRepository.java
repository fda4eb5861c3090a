package app.lantern.indicator.internal;

import app.lantern.indicator.Worklists;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open dossiers to act on: overdue ones by unit and procedure, and those due soon. Both read the open-dossier index only. */
@Repository
public class WorklistRepository {

    /** Open with the clock running: received or processing (a supplement request stops the clock). */
    private static final String RUNNING = "d.closed_at is null and d.status in ('RECEIVED', 'PROCESSING')";

    private final JdbcClient jdbc;

    WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String OVERDUE = "d.status in ('RECEIVED', 'PROCESSING') and d.due_date < :today";

    /** The backlog rows, one per unit and procedure with at least one overdue dossier, read from the open-dossier index. */
    private static final String BACKLOG = "select d.unit_id, d.procedure_id, u.code as unit_code, p.national_code,"
            + " count(*) filter (where " + OVERDUE + ") as overdue, min(d.due_date) filter (where " + OVERDUE + ") as oldest,"
            + " count(*) as open"
            + " from dossier d join unit u on u.id = d.unit_id join procedure p on p.id = d.procedure_id"
            + " where d.closed_at is null and d.unit_id = any(:units)"
            + " group by d.unit_id, d.procedure_id, u.code, p.national_code"
            + " having count(*) filter (where " + OVERDUE + ") > 0";

    private static final Keyset BACKLOG_ORDER = new Keyset(List.of(new Keyset.Key("b.overdue", true, Long.class),
            new Keyset.Key("b.unit_code", false, String.class), new Keyset.Key("b.national_code", false, String.class),
            new Keyset.Key("b.unit_id", false, Long.class), new Keyset.Key("b.procedure_id", false, Long.class)));

    /** A page of the backlog, most overdue first (then unit code, national code). */
    public List<Worklists.BacklogRow> backlog(List<Long> units, LocalDate today, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("units", units.toArray(Long[]::new)).addValue("today", today);
        String where = "true";
        if (page.cursor() != null) {
            where = BACKLOG_ORDER.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select * from (" + BACKLOG + ") b where " + where + " order by " + BACKLOG_ORDER.orderBy(page.backward())
                        + " limit :limit")
                .paramSource(params)
                .query((rs, n) -> new Worklists.BacklogRow(rs.getLong("unit_id"), rs.getLong("procedure_id"), rs.getInt("overdue"),
                        rs.getObject("oldest", LocalDate.class), rs.getInt("open"), Keyset.cursor(rs.getLong("overdue"),
                        rs.getString("unit_code"), rs.getString("national_code"), rs.getLong("unit_id"), rs.getLong("procedure_id"))))
                .list();
    }

    /** Rows of the whole backlog and the overdue dossiers in them. */
    public long[] backlogTotals(List<Long> units, LocalDate today) {
        return jdbc.sql("select count(*), coalesce(sum(b.overdue), 0) from (" + BACKLOG + ") b")
                .param("units", units.toArray(Long[]::new)).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static final Keyset ORDER = new Keyset(List.of(new Keyset.Key("d.due_date", false, LocalDate.class),
            new Keyset.Key("d.id", false, Long.class)));

    /** A row of the nearly-due page. */
    public record Due(long id, String cursor) {
    }

    /** Open dossiers, clock running, due between {@code today} and {@code last}, soonest first. */
    public List<Due> nearlyDue(List<Long> units, LocalDate today, LocalDate last, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("units", units.toArray(Long[]::new))
                .addValue("today", today).addValue("last", last);
        String where = RUNNING + " and d.unit_id = any(:units) and d.due_date between :today and :last";
        if (page.cursor() != null) {
            where += " and " + ORDER.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select d.id, d.due_date from dossier d where " + where + " order by " + ORDER.orderBy(page.backward())
                        + " limit :limit")
                .paramSource(params).query((rs, n) -> new Due(rs.getLong(1), Keyset.cursor(rs.getObject(2, LocalDate.class), rs.getLong(1))))
                .list();
    }

    public long nearlyDueCount(List<Long> units, LocalDate today, LocalDate last) {
        return jdbc.sql("select count(*) from dossier d where " + RUNNING + " and d.unit_id = any(:units) and d.due_date between :today and :last")
                .param("units", units.toArray(Long[]::new)).param("today", today).param("last", last).query(Long.class).single();
    }
}
