package app.lantern.shared.security;

import java.util.Locale;
import java.util.Optional;

/** Lantern's roles, held in Keycloak as realm roles of the same name in lower case. */
public enum Role {
    INSPECTOR, UNIT_HEAD, CITIZEN, PARTNER, ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_INSPECTOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a Keycloak realm role, if it is one of Lantern's. */
    public static Optional<Role> fromRealmRole(String realmRole) {
        for (Role role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(realmRole)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
