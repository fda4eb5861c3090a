package app.lantern.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends who did what, when, to which object. Joins the caller's transaction, so a mutation and
 * its audit record are committed together or not at all.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_record (actor, action, object_type, object_id, details)
                        values (:actor, :action, :objectType, :objectId, cast(:details as jsonb))""")
                .param("actor", currentActor())
                .param("action", action)
                .param("objectType", objectType)
                .param("objectId", objectId == null ? null : objectId.toString())
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /** One record of {@link #recordAll}: the object and what to note about it. */
    public record Entry(Object objectId, Map<String, ?> details) {
    }

    /** Like {@link #record} for many objects at once, in one statement (bulk sync). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String action, String objectType, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit_record (actor, action, object_type, object_id, details)
                        select :actor, :action, :objectType, e.object_id, e.details::jsonb
                        from unnest(cast(:objectIds as text[]), cast(:details as text[])) as e(object_id, details)""")
                .param("actor", currentActor())
                .param("action", action)
                .param("objectType", objectType)
                .param("objectIds", entries.stream().map(e -> e.objectId() == null ? null : e.objectId().toString()).toArray(String[]::new))
                .param("details", entries.stream().map(e -> json.writeValueAsString(e.details())).toArray(String[]::new))
                .update();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }
}
