package app.lantern.shared.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as the identity provider vouches for them, read from a validated access token.
 *
 * @param username    login name, or the partner client's id for service accounts
 * @param displayName name to show
 * @param roles       Lantern roles held
 * @param unitCode    the staff member's unit, if any
 * @param citizenId   the citizen's identity number, if any
 * @param partnerReadUnits  for partner systems: codes of the units whose subtrees it reads
 *                          ({@value #ALL_UNITS} for every unit), from the {@value #READ_UNITS_CLAIM} claim
 * @param partnerWriteUnits for partner systems: codes of the units whose subtrees it writes (and whose
 *                          applicants' personal data it sees), from the {@value #WRITE_UNITS_CLAIM} claim
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String unitCode, String citizenId,
                          List<String> partnerReadUnits, List<String> partnerWriteUnits) {

    /** Token claim listing the unit codes a partner system reads. */
    public static final String READ_UNITS_CLAIM = "partner_units_read";
    /** Token claim listing the unit codes a partner system writes. */
    public static final String WRITE_UNITS_CLAIM = "partner_units_write";
    /** In a partner's unit list: every unit. */
    public static final String ALL_UNITS = "*";

    public CurrentUser {
        partnerReadUnits = partnerReadUnits == null ? List.of() : List.copyOf(partnerReadUnits);
        partnerWriteUnits = partnerWriteUnits == null ? List.of() : List.copyOf(partnerWriteUnits);
    }

    /** A caller who is not a partner system. */
    public CurrentUser(String username, String displayName, Set<Role> roles, String unitCode, String citizenId) {
        this(username, displayName, roles, unitCode, citizenId, List.of(), List.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the current request, empty for anonymous callers. */
    public static Optional<CurrentUser> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    static CurrentUser from(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        KeycloakRoles.realmRoles(jwt).forEach(name -> Role.fromRealmRole(name).ifPresent(roles::add));
        String username = firstNonBlank(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("azp"), jwt.getSubject());
        if (roles.contains(Role.PARTNER) && username.startsWith("service-account-") && jwt.getClaimAsString("azp") != null) {
            username = jwt.getClaimAsString("azp");
        }
        String displayName = firstNonBlank(vietnameseOrder(jwt), jwt.getClaimAsString("name"), username);
        boolean partner = roles.contains(Role.PARTNER);
        return new CurrentUser(username, displayName, Set.copyOf(roles),
                blankToNull(jwt.getClaimAsString("unit")), blankToNull(jwt.getClaimAsString("citizen_id")),
                partner ? unitList(jwt, READ_UNITS_CLAIM) : List.of(), partner ? unitList(jwt, WRITE_UNITS_CLAIM) : List.of());
    }

    /** A unit list claim: a JSON array of codes, or one string of codes separated by spaces or commas. */
    private static List<String> unitList(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        java.util.stream.Stream<?> items;
        if (value instanceof java.util.Collection<?> list) {
            items = list.stream();
        } else if (value instanceof String text) {
            items = java.util.Arrays.stream(text.split("[\\s,]+"));
        } else {
            return List.of();
        }
        return items.filter(String.class::isInstance).map(s -> ((String) s).strip()).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Family name first ("Nguyễn Văn Thanh"), as Vietnamese names are written; Keycloak's
     * {@code name} claim puts the given name first.
     */
    private static String vietnameseOrder(Jwt jwt) {
        String family = jwt.getClaimAsString("family_name");
        String given = jwt.getClaimAsString("given_name");
        return family == null || family.isBlank() || given == null || given.isBlank() ? null : family.strip() + " " + given.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
