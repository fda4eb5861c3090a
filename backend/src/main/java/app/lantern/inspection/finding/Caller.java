package app.lantern.inspection.finding;

import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads or changes findings: the login name (team membership), the name to record, whether an
 * administrator, and the unit a unit head runs (null otherwise).
 */
public record Caller(String username, String displayName, boolean admin, String headUnitCode) {

    static Caller current() {
        CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AccessDeniedException("Not logged in"));
        return new Caller(user.username(), user.displayName(), user.has(Role.ADMIN), user.has(Role.UNIT_HEAD) ? user.unitCode() : null);
    }
}
