package app.lantern.shared.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL conditions that scope rows to a {@link Scope}, over the materialised unit path
 * ({@code unit.path = '/1/5/23/'}): a unit's subtree is every path that starts with its own.
 * The caller's units are looked up inside the statement, so scoping costs no extra round trip.
 */
public final class ScopeSql {

    private static final String CALLER_PATH = "(select sc.path from unit sc where sc.code = :scopeUnit)";

    private ScopeSql() {
    }

    /** Binds the parameters the fragments below use. */
    public static MapSqlParameterSource bind(Scope scope, MapSqlParameterSource params) {
        return params.addValue("scopeUnit", scope.staffUnitCode())
                .addValue("scopeReadUnits", scope.readUnitCodes().toArray(String[]::new))
                .addValue("scopePersonalUnits", scope.personalDataUnitCodes().toArray(String[]::new));
    }

    /** {@code unitAlias} lies in the subtree of one of the units bound as {@code param}. */
    private static String underAny(String unitAlias, String param) {
        return "exists (select 1 from unit sr where sr.code = any(:" + param + ") and " + unitAlias + ".path like sr.path || '%')";
    }

    private static String any(List<String> alternatives) {
        return alternatives.isEmpty() ? "false" : alternatives.size() == 1 ? alternatives.getFirst()
                : "(" + String.join(" or ", alternatives) + ")";
    }

    /** Units whose data the caller reads: everything, or the caller's subtree(s). {@code unitAlias} is a {@code unit} row. */
    public static String inSubtree(Scope scope, String unitAlias) {
        if (scope.all()) {
            return "true";
        }
        List<String> alternatives = new ArrayList<>();
        if (scope.staffUnitCode() != null) {
            alternatives.add("(" + unitAlias + ".path like " + CALLER_PATH + " || '%')");
        }
        if (!scope.readUnitCodes().isEmpty()) {
            alternatives.add(underAny(unitAlias, "scopeReadUnits"));
        }
        return any(alternatives);
    }

    /** Units the caller may see as units: the subtree(s) and, for staff, the units above their own (a unit head's superiors). */
    public static String visibleUnit(Scope scope, String unitAlias) {
        if (scope.all() || scope.staffUnitCode() == null) {
            return inSubtree(scope, unitAlias);
        }
        List<String> alternatives = new ArrayList<>();
        alternatives.add("(" + unitAlias + ".path like " + CALLER_PATH + " || '%' or " + CALLER_PATH + " like " + unitAlias + ".path || '%')");
        if (!scope.readUnitCodes().isEmpty()) {
            alternatives.add(underAny(unitAlias, "scopeReadUnits"));
        }
        return any(alternatives);
    }

    /** Rows whose {@code unitIdColumn} is a unit of the caller's subtree(s). */
    public static String unitIdInSubtree(Scope scope, String unitIdColumn) {
        if (scope.all()) {
            return "true";
        }
        if (scope.none()) {
            return "false";
        }
        return unitIdColumn + " in (select su.id from unit su where " + inSubtree(scope, "su") + ")";
    }

    /** Rows whose {@code unitIdColumn} is a unit the caller may see (subtree or above). */
    public static String unitIdVisible(Scope scope, String unitIdColumn) {
        if (scope.all() || scope.staffUnitCode() == null) {
            return unitIdInSubtree(scope, unitIdColumn);
        }
        return unitIdColumn + " in (select su.id from unit su where " + visibleUnit(scope, "su") + ")";
    }

    /** Whether the caller sees the applicant of a dossier handled by {@code unitIdColumn}: an SQL boolean. */
    public static String personalData(Scope scope, String unitIdColumn) {
        if (scope.personalDataEverywhere()) {
            return "true";
        }
        List<String> alternatives = new ArrayList<>();
        if (scope.staffUnitCode() != null) {
            alternatives.add("(" + unitIdColumn + " in (select su.id from unit su where su.path like " + CALLER_PATH + " || '%'))");
        }
        if (!scope.personalDataUnitCodes().isEmpty()) {
            alternatives.add("(" + unitIdColumn + " in (select su.id from unit su where " + underAny("su", "scopePersonalUnits") + "))");
        }
        return any(alternatives);
    }
}
