package app.lantern.shared.security;

import java.util.List;
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
 * <li>Partner systems read the subtrees of the units their token lists to read (every unit for
 *     {@code *}), and see applicants' personal data only in the subtrees they may write.</li>
 * <li>Everybody else: nothing.</li>
 * </ul>
 *
 * @param all                    reads every unit's data
 * @param personalDataEverywhere sees applicants' personal data of every dossier
 * @param staffUnitCode          the caller's unit as staff (subtree read, personal data and dossier
 *                               changes there); null for callers who are not unit staff
 * @param readUnitCodes          further units whose subtrees the caller reads (partner systems)
 * @param personalDataUnitCodes  further units in whose subtrees the caller sees personal data (partner
 *                               systems, for the units they write)
 */
public record Scope(boolean all, boolean personalDataEverywhere, String staffUnitCode, List<String> readUnitCodes,
                    List<String> personalDataUnitCodes) {

    public static final Scope NONE = new Scope(false, false, null);

    public Scope {
        readUnitCodes = readUnitCodes == null ? List.of() : List.copyOf(readUnitCodes);
        personalDataUnitCodes = personalDataUnitCodes == null ? List.of() : List.copyOf(personalDataUnitCodes);
    }

    public Scope(boolean all, boolean personalDataEverywhere, String staffUnitCode) {
        this(all, personalDataEverywhere, staffUnitCode, List.of(), List.of());
    }

    public static Scope of(Authentication authentication) {
        return CurrentUser.of(authentication).map(Scope::of).orElse(NONE);
    }

    public static Scope current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Scope of(CurrentUser user) {
        boolean inspector = user.has(Role.INSPECTOR);
        String staffUnit = user.has(Role.UNIT_HEAD) ? user.unitCode() : null;
        boolean partnerReadsAll = user.partnerReadUnits().contains(CurrentUser.ALL_UNITS);
        boolean partnerSeesAll = user.partnerWriteUnits().contains(CurrentUser.ALL_UNITS);
        return new Scope(inspector || user.has(Role.ADMIN) || partnerReadsAll, inspector || partnerSeesAll, staffUnit,
                partnerReadsAll ? List.of() : user.partnerReadUnits(), partnerSeesAll ? List.of() : user.partnerWriteUnits());
    }

    /** Reads nothing at all. */
    public boolean none() {
        return !all && staffUnitCode == null && readUnitCodes.isEmpty();
    }
}
