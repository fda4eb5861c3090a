package app.lantern.sync.internal;

import app.lantern.dossier.DossierStatus;
import app.lantern.shared.security.Scope;
import app.lantern.shared.security.ScopeSql;
import app.lantern.sync.DossierChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the change feed in (transaction id, row id) order, only below the oldest transaction still
 * running ({@code pg_snapshot_xmin}): every change that could still commit "before" a row already
 * read belongs to a transaction older than the horizon, so the horizon never passes it.
 */
@Repository
public class ChangeRepository {

    private static final String COLUMNS = "c.id, c.xid::text as xid, c.dossier_id, c.receipt_code, c.unit_id, c.from_status, c.to_status,"
            + " c.version, c.changed_at";
    private static final String AFTER_AND_SETTLED = "(c.xid, c.id) > (cast(:xid as xid8), :id)"
            + " and c.xid < pg_snapshot_xmin(pg_current_snapshot())";

    private final JdbcClient jdbc;

    ChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a reader gets after {@code after}: up to {@code limit} settled changes in its scope (and
     * {@code units}' subtrees if given), and how far the feed was read to find them, so that a
     * reader of a few units moves past other units' changes instead of reading them again.
     *
     * @param changes     the changes for the reader, in feed order
     * @param readUpTo    the last change looked at (returned or not); null when none was
     * @param moreToRead  the scan stopped at its bound with settled changes left after it
     */
    public record Scan(List<DossierChange> changes, DossierChange.Position readUpTo, boolean moreToRead) {
    }

    /** Reads at most {@code scanLimit} settled changes after {@code after} and keeps the first {@code limit} the reader may see. */
    public Scan after(DossierChange.Position after, Scope scope, Collection<Long> units, int limit, int scanLimit) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("xid", after.xid()).addValue("id", after.id())
                .addValue("scan", scanLimit));
        String visible = ScopeSql.unitIdInSubtree(scope, "c.unit_id");
        if (units != null && !units.isEmpty()) {
            params.addValue("units", units.toArray(Long[]::new));
            visible += " and c.unit_id in (select fu.id from unit fu join unit fr on fu.path like fr.path || '%' where fr.id = any(:units))";
        }
        List<Object[]> rows = jdbc.sql("with c as (select * from dossier_change c where " + AFTER_AND_SETTLED
                        + " order by c.xid, c.id limit :scan) select " + COLUMNS + ", (" + visible + ") as visible from c order by c.xid, c.id")
                .paramSource(params).query((rs, n) -> new Object[] {map(rs, n), rs.getBoolean("visible")}).list();
        List<DossierChange> changes = new ArrayList<>();
        DossierChange.Position readUpTo = null;
        for (Object[] row : rows) {
            DossierChange change = (DossierChange) row[0];
            if ((Boolean) row[1]) {
                if (changes.size() == limit) {
                    return new Scan(changes, readUpTo, true);
                }
                changes.add(change);
            }
            readUpTo = new DossierChange.Position(change.xid(), change.id());
        }
        return new Scan(changes, readUpTo, rows.size() == scanLimit);
    }

    /** Units whose changes the caller sees within {@code units}' subtrees; null for every unit. */
    public Set<Long> visibleUnits(Scope scope, Collection<Long> units) {
        boolean filtered = units != null && !units.isEmpty();
        if (scope.all() && !filtered) {
            return null;
        }
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        String where = ScopeSql.inSubtree(scope, "su");
        if (filtered) {
            params.addValue("units", units.toArray(Long[]::new));
            where += " and exists (select 1 from unit fr where fr.id = any(:units) and su.path like fr.path || '%')";
        }
        return new HashSet<>(jdbc.sql("select su.id from unit su where " + where).paramSource(params).query(Long.class).list());
    }

    /** The last settled change: where a reader that wants only what comes next starts. */
    public DossierChange.Position head() {
        return jdbc.sql("select c.xid::text, c.id from dossier_change c where c.xid < pg_snapshot_xmin(pg_current_snapshot())"
                        + " order by c.xid desc, c.id desc limit 1")
                .query((rs, n) -> new DossierChange.Position(rs.getString(1), rs.getLong(2))).optional()
                .orElse(DossierChange.Position.START);
    }

    /** The last settled change, on a connection of the caller's. */
    public static DossierChange.Position head(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select c.xid::text, c.id from dossier_change c"
                + " where c.xid < pg_snapshot_xmin(pg_current_snapshot()) order by c.xid desc, c.id desc limit 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new DossierChange.Position(rs.getString(1), rs.getLong(2)) : DossierChange.Position.START;
        }
    }

    /** Every settled change after {@code after}, up to {@code limit}, on a connection of the caller's. */
    public static List<DossierChange> after(Connection connection, DossierChange.Position after, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select " + COLUMNS + " from dossier_change c where"
                + " (c.xid, c.id) > (cast(? as xid8), ?) and c.xid < pg_snapshot_xmin(pg_current_snapshot()) order by c.xid, c.id limit ?")) {
            s.setString(1, after.xid());
            s.setLong(2, after.id());
            s.setInt(3, limit);
            List<DossierChange> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(map(rs, 0));
                }
            }
            return changes;
        }
    }

    private static DossierChange map(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_status");
        return new DossierChange(rs.getLong("id"), rs.getString("xid"), rs.getLong("dossier_id"), rs.getString("receipt_code"),
                rs.getLong("unit_id"), from == null ? null : DossierStatus.valueOf(from), DossierStatus.valueOf(rs.getString("to_status")),
                rs.getInt("version"), rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
