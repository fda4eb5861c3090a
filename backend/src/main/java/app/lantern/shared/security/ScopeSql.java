package app.lantern.shared.security;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL conditions that scope rows to a {@link Scope}, over the materialised unit path
 * ({@code unit.path = '/1/5/23/'}): a unit's subtree is every path that starts with its own.
 * The caller's unit is looked up inside the statement, so scoping costs no extra round trip.
 */
public final class ScopeSql {

    private static final String CALLER_PATH = "(select sc.path from unit sc where sc.code = :scopeUnit)";

    private ScopeSql() {
    }

    /** Binds the parameters the fragments below use. */
    public static MapSqlParameterSource bind(Scope scope, MapSqlParameterSource params) {
        return params.addValue("scopeUnit", scope.staffUnitCode());
    }

    /** Units whose data the caller reads: everything, or the caller's subtree. {@code unitAlias} is a {@code unit} row. */
    public static String inSubtree(Scope scope, String unitAlias) {
        if (scope.all()) {
            return "true";
        }
        if (scope.staffUnitCode() == null) {
            return "false";
        }
        return "(" + unitAlias + ".path like " + CALLER_PATH + " || '%')";
    }

    /** Units the caller may see as units: the subtree and the units above it (a unit head's superiors). */
    public static String visibleUnit(Scope scope, String unitAlias) {
        if (scope.all() || scope.staffUnitCode() == null) {
            return inSubtree(scope, unitAlias);
        }
        return "(" + unitAlias + ".path like " + CALLER_PATH + " || '%' or " + CALLER_PATH + " like " + unitAlias + ".path || '%')";
    }

    /** Rows whose {@code unitIdColumn} is a unit of the caller's subtree. */
    public static String unitIdInSubtree(Scope scope, String unitIdColumn) {
        if (scope.all()) {
            return "true";
        }
        if (scope.staffUnitCode() == null) {
            return "false";
        }
        return unitIdColumn + " in (select su.id from unit su where su.path like " + CALLER_PATH + " || '%')";
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
        if (scope.staffUnitCode() == null) {
            return "false";
        }
        return "(" + unitIdColumn + " in (select su.id from unit su where su.path like " + CALLER_PATH + " || '%'))";
    }
}
