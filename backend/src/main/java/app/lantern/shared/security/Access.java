package app.lantern.shared.security;

/** {@code @PreAuthorize} expressions shared by the feature services. */
public final class Access {

    private Access() {
    }

    /** Staff who read units, catalogues and dossiers (each scoped by {@link Scope}). */
    public static final String STAFF = "hasAnyRole('INSPECTOR', 'ADMIN', 'UNIT_HEAD')";
    /** Authority of a partner system whose token lists units it reads. */
    public static final String PARTNER_READ_AUTHORITY = "PARTNER_READ";
    /** Authority of a partner system whose token lists units it writes. */
    public static final String PARTNER_WRITE_AUTHORITY = "PARTNER_WRITE";
    /** Staff, and partner systems that read some units: units, catalogues and dossiers (each scoped by {@link Scope}). */
    public static final String READER = STAFF + " or hasAuthority('" + PARTNER_READ_AUTHORITY + "')";
    /** Partner systems that read some units (the change feed). */
    public static final String PARTNER_READER = "hasAuthority('" + PARTNER_READ_AUTHORITY + "')";
    /** Partner systems that write some units (bulk sync). */
    public static final String PARTNER_WRITER = "hasAuthority('" + PARTNER_WRITE_AUTHORITY + "')";
    /** Staff of a unit who change its dossiers. */
    public static final String UNIT_STAFF = "hasRole('UNIT_HEAD')";
    public static final String ADMIN = "hasRole('ADMIN')";
    /** Inspectors, who run inspection plans (each plan further limited to its team). */
    public static final String INSPECTOR = "hasRole('INSPECTOR')";
}
