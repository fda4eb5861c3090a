package app.lantern.demo;

import app.lantern.demo.DemoModel.ProcedureSeed;
import app.lantern.demo.DossierSimulator.DossierRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Decision 766 facts of the demo procedures and dossiers: announcement and publication dates,
 * payment and population-database set-up, portal sync, certified copies, data reuse. Each depends
 * only on the seed, the row's id and its unit (units differ in how far along they are, and every
 * unit improves year by year), so the scorecards rank units in a stable, believable order.
 */
final class DemoIndicatorFacts {

    static final String PROCEDURE_COLUMNS = ", effective_on, announced_on, published_on, full_content_published,"
            + " online_payment_enabled, portal_payment_configured, population_db_connected";
    static final String DOSSIER_COLUMNS = ", fee_amount, synced_to_national_portal, certified_copy_requested,"
            + " certified_copy_electronic, reused_digitised_data, used_population_data, result_synced_to_citizen_store";

    private static final LocalDate FIRST_EFFECTIVE = LocalDate.of(2019, 1, 1);

    private final long seed;
    private final LocalDate until;
    private final Map<Long, Long> fees = new HashMap<>();

    DemoIndicatorFacts(long seed, LocalDate until, List<ProcedureSeed> procedures) {
        this.seed = seed;
        this.until = until;
        procedures.forEach(p -> fees.put(p.id(), p.fee()));
    }

    /** How far along a unit is, 0 to 1, the same for every seed so units keep their character. */
    private static double quality(long unitId) {
        return Math.floorMod(unitId * 2654435761L >>> 7, 100) / 100.0;
    }

    private static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < Math.min(0.99, Math.max(0, p));
    }

    void addProcedure(CopyWriter w, ProcedureSeed p) {
        SplittableRandom r = new SplittableRandom(seed * 7_919L + p.id());
        double q = quality(p.unitId());
        long span = java.time.temporal.ChronoUnit.DAYS.between(FIRST_EFFECTIVE, until.minusDays(30));
        LocalDate effective = FIRST_EFFECTIVE.plusDays(r.nextLong(span));
        // most are announced before they take effect, the weaker units' more often late
        LocalDate announced = chance(r, 0.6 + 0.35 * q) ? effective.minusDays(r.nextInt(1, 30)) : effective.plusDays(r.nextInt(1, 45));
        if (announced.isAfter(until)) {
            announced = until;
        }
        LocalDate published = !p.published() ? null
                : chance(r, 0.55 + 0.4 * q) ? announced.plusDays(r.nextInt(0, 8)) : announced.plusDays(r.nextInt(8, 40));
        if (published != null && published.isAfter(until)) {
            published = null;
        }
        boolean online = !"OFFLINE".equals(p.onlineLevel());
        boolean payment = p.fee() > 0 && online && chance(r, 0.45 + 0.5 * q);
        w.add(effective).add(announced).add(published).add(published != null && chance(r, 0.7 + 0.28 * q)).add(payment)
                .add(payment && chance(r, 0.6 + 0.35 * q)).add(chance(r, 0.3 + 0.6 * q));
    }

    void addDossier(CopyWriter w, DossierRow d) {
        SplittableRandom r = new SplittableRandom(seed * 104_729L + d.id());
        double q = quality(d.unitId());
        double years = Math.max(0, d.receivedAt().atOffset(ZoneOffset.ofHours(7)).getYear() - 2021);
        boolean copy = chance(r, 0.15);
        boolean resolved = "RESOLVED".equals(d.status()) || "RETURNED".equals(d.status());
        w.add(fees.getOrDefault(d.procedureId(), 0L))
                .add(chance(r, 0.55 + 0.3 * q + 0.03 * years))
                .add(copy)
                .add(copy && chance(r, 0.2 + 0.5 * q + 0.05 * years))
                .add(chance(r, 0.15 + 0.45 * q + 0.06 * years))
                .add("PERSON".equals(d.applicantKind()) && chance(r, 0.25 + 0.5 * q + 0.05 * years))
                .add(resolved && d.digitisedResult() && chance(r, 0.5 + 0.45 * q));
    }
}
