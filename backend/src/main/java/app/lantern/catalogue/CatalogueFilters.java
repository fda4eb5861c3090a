package app.lantern.catalogue;

/** Conditions on units and procedures; null means "any". Ids are database keys. */
public final class CatalogueFilters {

    private CatalogueFilters() {
    }

    public record UnitFilter(String level, Long within, String text, Boolean oneStopShop) {
        public static final UnitFilter ANY = new UnitFilter(null, null, null, null);
    }

    public record ProcedureFilter(Long unit, String field, String level, String onlineLevel, Boolean published,
                                  String reviewState, String text) {
        public static final ProcedureFilter ANY = new ProcedureFilter(null, null, null, null, null, null, null);
    }

    /** A sort key: field name as in the SDL's order enums, and whether descending. */
    public record Order(String field, boolean descending) {
    }
}
