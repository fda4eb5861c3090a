package app.lantern.audit.internal;

import app.lantern.audit.AuditFilter;
import app.lantern.audit.AuditRecord;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.PageRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keyset pages over {@code audit_record}, newest first. */
@Repository
public class AuditRecordRepository {

    private static final String CONDITIONS = """
             (cast(:actor as text) is null or actor = :actor)
             and (cast(:action as text) is null or action = :action)
             and (cast(:objectType as text) is null or object_type = :objectType)
             and (cast(:objectId as text) is null or object_id = :objectId)
             and (cast(:from as timestamptz) is null or occurred_at >= :from)
             and (cast(:to as timestamptz) is null or occurred_at < :to)""";

    private final JdbcClient jdbc;

    AuditRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditRecord> page(AuditFilter filter, PageRequest page) {
        MapSqlParameterSource params = params(filter);
        String keyset = "";
        if (page.cursor() != null) {
            params.addValue("cursor", parseKey(page.cursor()));
            keyset = page.backward() ? " and id > :cursor" : " and id < :cursor";
        }
        params.addValue("limit", page.limit());
        String order = page.backward() ? "id asc" : "id desc";
        return jdbc.sql("select id, occurred_at, actor, action, object_type, object_id, details::text as details"
                        + " from audit_record where " + CONDITIONS + keyset + " order by " + order + " limit :limit")
                .paramSource(params)
                .query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("details")))
                .list();
    }

    public java.util.Optional<AuditRecord> find(long key) {
        return jdbc.sql("select id, occurred_at, actor, action, object_type, object_id, details::text as details"
                        + " from audit_record where id = :id").param("id", key)
                .query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("details")))
                .optional();
    }

    public long count(AuditFilter filter) {
        return jdbc.sql("select count(*) from audit_record where " + CONDITIONS).paramSource(params(filter))
                .query(Long.class).single();
    }

    private static MapSqlParameterSource params(AuditFilter filter) {
        return new MapSqlParameterSource()
                .addValue("actor", filter.actor())
                .addValue("action", filter.action())
                .addValue("objectType", filter.objectType())
                .addValue("objectId", filter.objectId())
                .addValue("from", filter.from())
                .addValue("to", filter.to());
    }

    private static long parseKey(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "The cursor does not belong to the audit trail");
        }
    }
}
