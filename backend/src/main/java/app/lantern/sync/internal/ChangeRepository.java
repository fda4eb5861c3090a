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

    /** Up to {@code limit} settled changes after {@code after} in the caller's scope, within {@code units}' subtrees if given. */
    public List<DossierChange> after(DossierChange.Position after, Scope scope, Collection<Long> units, int limit) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("xid", after.xid()).addValue("id", after.id())
                .addValue("limit", limit));
        String where = AFTER_AND_SETTLED + " and " + ScopeSql.unitIdInSubtree(scope, "c.unit_id");
        if (units != null && !units.isEmpty()) {
            params.addValue("units", units.toArray(Long[]::new));
            where += " and c.unit_id in (select fu.id from unit fu join unit fr on fu.path like fr.path || '%' where fr.id = any(:units))";
        }
        return jdbc.sql("select " + COLUMNS + " from dossier_change c where " + where + " order by c.xid, c.id limit :limit")
                .paramSource(params).query(ChangeRepository::map).list();
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
