package app.lantern.inspection.finding;

import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads or changes findings: the login name (team membership), the name to record, and the unit
 * a unit head runs (null otherwise). Administrators are not special: they see the plans of their teams.
 */
public record Caller(String username, String displayName, String headUnitCode) {

    static Caller current() {
        CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AccessDeniedException("Not logged in"));
        return new Caller(user.username(), user.displayName(), user.has(Role.UNIT_HEAD) ? user.unitCode() : null);
    }
}
