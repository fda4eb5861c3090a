package app.lantern.identity.graphql;

import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code me}: the logged-in caller, as their token says. */
@Controller
class MeController {

    record Viewer(String username, String displayName, List<Role> roles, String unitCode, String citizenId) {
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Viewer me(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication)
                .orElseThrow(() -> new AccessDeniedException("A Lantern access token is required"));
        return new Viewer(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                user.unitCode(), user.citizenId());
    }
}
