package app.lantern.shared.security;

/** {@code @PreAuthorize} expressions shared by the feature services. */
public final class Access {

    private Access() {
    }

    /** Staff who read units, catalogues and dossiers (each scoped by {@link Scope}). */
    public static final String STAFF = "hasAnyRole('INSPECTOR', 'ADMIN', 'UNIT_HEAD')";
    /** Staff of a unit who change its dossiers. */
    public static final String UNIT_STAFF = "hasRole('UNIT_HEAD')";
    public static final String ADMIN = "hasRole('ADMIN')";
    /** Inspectors, who run inspection plans (each plan further limited to its team). */
    public static final String INSPECTOR = "hasRole('INSPECTOR')";
}
