package app.lantern.shared.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which units' data the caller may read and change, for the SQL that scopes rows.
 *
 * <ul>
 * <li>Inspectors read everything, applicants' personal data included, and change nothing here.</li>
 * <li>Administrators read everything but personal data, and manage the catalogue and calendar.</li>
 * <li>Unit heads (and officials) read and change their unit's subtree, personal data included;
 *     their unit is the token's {@code unit} claim.</li>
 * <li>Everybody else: nothing.</li>
 * </ul>
 *
 * @param all                    reads every unit's data
 * @param personalDataEverywhere sees applicants' personal data of every dossier
 * @param staffUnitCode          the caller's unit as staff (subtree read, personal data and dossier
 *                               changes there); null for callers who are not unit staff
 */
public record Scope(boolean all, boolean personalDataEverywhere, String staffUnitCode) {

    public static final Scope NONE = new Scope(false, false, null);

    public static Scope of(Authentication authentication) {
        return CurrentUser.of(authentication).map(Scope::of).orElse(NONE);
    }

    public static Scope current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Scope of(CurrentUser user) {
        boolean inspector = user.has(Role.INSPECTOR);
        String staffUnit = user.has(Role.UNIT_HEAD) ? user.unitCode() : null;
        return new Scope(inspector || user.has(Role.ADMIN), inspector, staffUnit);
    }

    /** Reads nothing at all. */
    public boolean none() {
        return !all && staffUnitCode == null;
    }
}
