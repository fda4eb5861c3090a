package app.lantern.audit;

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

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }
}
