package app.lantern.indicator;

/**
 * The counts the indicators are fractions of. Dossier counts come from the monthly rollup
 * ({@code indicator_monthly}), procedure counts from the catalogue, feedback counts from the
 * feedback source when there is one.
 */
public enum Counter {
    // dossiers, by month of receipt
    RECEIVED, RECEIVED_ONLINE, RECEIVED_FEE, PAID_ONLINE, SYNCED_PORTAL, DIGITISED, CERT_REQUESTED, CERT_ELECTRONIC,
    REUSED_DATA, POPULATION_DATA,
    // dossiers, by month of resolution
    RESOLVED, RESOLVED_ELECTRONIC, RESULT_SYNCED, RATED, RATED_SATISFIED,
    // dossiers, by month of the due date
    DUE, DUE_ON_TIME,
    // procedures of the catalogues counted
    PROC_EFFECTIVE, PROC_ANNOUNCED_ON_TIME, PROC_ANNOUNCED, PROC_PUBLISHED_ON_TIME, PROC_IN_FORCE, PROC_FULL_CONTENT,
    PROC_ONLINE, PROC_ONLINE_USED, PROC_FEE, PROC_ONLINE_PAYMENT, PROC_PORTAL_PAYMENT, PROC_POPULATION_DB,
    // citizens' feedback
    FB_RECEIVED, FB_ON_TIME, FB_RATED, FB_SATISFIED;

    /** The dossier counters, in the column order of {@code indicator_monthly}. */
    public static final Counter[] DOSSIER = {RECEIVED, RECEIVED_ONLINE, RECEIVED_FEE, PAID_ONLINE, SYNCED_PORTAL, DIGITISED,
        CERT_REQUESTED, CERT_ELECTRONIC, REUSED_DATA, POPULATION_DATA, RESOLVED, RESOLVED_ELECTRONIC, RESULT_SYNCED, RATED,
        RATED_SATISFIED, DUE, DUE_ON_TIME};

    /** The procedure counters. */
    public static final Counter[] PROCEDURE = {PROC_EFFECTIVE, PROC_ANNOUNCED_ON_TIME, PROC_ANNOUNCED, PROC_PUBLISHED_ON_TIME,
        PROC_IN_FORCE, PROC_FULL_CONTENT, PROC_ONLINE, PROC_ONLINE_USED, PROC_FEE, PROC_ONLINE_PAYMENT, PROC_PORTAL_PAYMENT,
        PROC_POPULATION_DB};

    /** The feedback counters. */
    public static final Counter[] FEEDBACK = {FB_RECEIVED, FB_ON_TIME, FB_RATED, FB_SATISFIED};

    /** The rollup column, e.g. {@code received_online}. */
    public String column() {
        return switch (this) {
            case RECEIVED -> "received";
            case RECEIVED_ONLINE -> "received_online";
            case RECEIVED_FEE -> "received_fee";
            case PAID_ONLINE -> "paid_online";
            case SYNCED_PORTAL -> "synced_portal";
            case DIGITISED -> "digitised";
            case CERT_REQUESTED -> "cert_requested";
            case CERT_ELECTRONIC -> "cert_electronic";
            case REUSED_DATA -> "reused_data";
            case POPULATION_DATA -> "population_data";
            case RESOLVED -> "resolved";
            case RESOLVED_ELECTRONIC -> "resolved_electronic";
            case RESULT_SYNCED -> "result_synced";
            case RATED -> "rated";
            case RATED_SATISFIED -> "rated_satisfied";
            case DUE -> "due";
            case DUE_ON_TIME -> "due_on_time";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
