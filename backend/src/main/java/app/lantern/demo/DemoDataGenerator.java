package app.lantern.demo;

import app.lantern.calendar.WorkingDays;
import app.lantern.demo.DemoModel.OfficialSeed;
import app.lantern.demo.DemoModel.ProcedureSeed;
import app.lantern.demo.DemoModel.StepSeed;
import app.lantern.demo.DemoModel.Succession;
import app.lantern.demo.DemoModel.UnitSeed;
import app.lantern.demo.DossierSimulator.DossierRow;
import app.lantern.demo.DossierSimulator.EventRow;
import app.lantern.demo.DossierSimulator.OverrunRow;
import app.lantern.demo.DossierSimulator.Simulated;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Writes the demo catalogue and dossiers with COPY. The dossier with id {@code n} depends only on
 * the seed and {@code n}, so the data is the same on every machine and millions can be appended
 * later for benchmarks.
 */
final class DemoDataGenerator {

    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    static final LocalDate LAST_HISTORIC_DAY = LocalDate.of(2024, 12, 31);

    private final DemoCatalogue catalogue;
    private final DossierSimulator simulator;
    private final long seed;
    private final LocalDate until;
    private final DemoIndicatorFacts facts;

    DemoDataGenerator(DemoCatalogue catalogue, WorkingDays days, long seed, LocalDate until) {
        this.catalogue = catalogue;
        this.facts = new DemoIndicatorFacts(seed, until, catalogue.procedures);
        this.simulator = new DossierSimulator(catalogue, days, until);
        this.seed = seed;
        this.until = until;
    }

    /**
     * The default set: 85 % received 2021–2024, 11 % from 2025 to six weeks before {@code until},
     * and 4 % in the last six weeks, so that today's work lists have open dossiers in them.
     */
    LongFunction<LocalDate> defaultDays(long firstId, int count) {
        long historic = Math.round(count * 0.85);
        long recent = historic + Math.round(count * 0.11);
        long historicSpan = ChronoUnit.DAYS.between(FIRST_DAY, LAST_HISTORIC_DAY) + 1;
        LocalDate recentStart = LAST_HISTORIC_DAY.plusDays(1);
        LocalDate currentStart = until.minusDays(41);
        long recentSpan = Math.max(1, ChronoUnit.DAYS.between(recentStart, currentStart));
        return id -> {
            SplittableRandom r = new SplittableRandom(seed * 31 + id);
            long n = id - firstId;
            return n < historic ? FIRST_DAY.plusDays(r.nextLong(historicSpan))
                    : n < recent ? recentStart.plusDays(r.nextLong(recentSpan))
                    : currentStart.plusDays(r.nextLong(42));
        };
    }

    /** Benchmarks: receipt days spread evenly over the whole range. */
    LongFunction<LocalDate> evenDays() {
        long span = ChronoUnit.DAYS.between(FIRST_DAY, until) + 1;
        return id -> FIRST_DAY.plusDays(new SplittableRandom(seed * 31 + id).nextLong(span));
    }

    Simulated simulate(long id, LongFunction<LocalDate> dayOf) {
        return simulator.simulate(id, seed * 1_000_003L + id, dayOf.apply(id));
    }

    void writeCatalogue(Connection connection) throws SQLException {
        CopyWriter units = new CopyWriter(connection,
                "unit (id, code, name, level, parent_id, path, address, phone, one_stop_shop, valid_from, valid_to)");
        for (UnitSeed u : catalogue.units) {
            units.add(u.id()).add(u.code()).add(u.name()).add(u.level()).add(u.parentId()).add(u.path()).add(u.address())
                    .add(u.phone()).add(u.oneStopShop()).add(u.validFrom()).add(u.validTo()).endRow();
        }
        units.flush();
        CopyWriter successions = new CopyWriter(connection, "unit_succession (predecessor_id, successor_id, kind, effective_on)");
        for (Succession s : catalogue.successions) {
            successions.add(s.predecessorId()).add(s.successorId()).add(s.kind()).add(s.effectiveOn()).endRow();
        }
        successions.flush();
        CopyWriter officials = new CopyWriter(connection, "official (id, unit_id, full_name, position, idp_username)");
        for (OfficialSeed o : catalogue.officials) {
            officials.add(o.id()).add(o.unitId()).add(o.fullName()).add(o.position()).add(o.username()).endRow();
        }
        officials.flush();
        CopyWriter procedures = new CopyWriter(connection, "procedure (id, unit_id, national_code, name, field, authority_level,"
                + " statutory_working_days, fee, online_level, published, review_state" + DemoIndicatorFacts.PROCEDURE_COLUMNS + ")");
        CopyWriter steps = new CopyWriter(connection, "procedure_step (id, procedure_id, ordinal, name, allowance_days, responsible_unit_id)");
        for (ProcedureSeed p : catalogue.procedures) {
            procedures.add(p.id()).add(p.unitId()).add(p.nationalCode()).add(p.name()).add(p.field()).add(p.authorityLevel())
                    .add(p.statutoryDays()).add(p.fee()).add(p.onlineLevel()).add(p.published()).add(p.reviewState());
            facts.addProcedure(procedures, p);
            procedures.endRow();
        }
        procedures.flush();
        for (ProcedureSeed p : catalogue.procedures) {
            for (StepSeed s : p.steps()) {
                steps.add(s.id()).add(s.procedureId()).add(s.ordinal()).add(s.name()).add(s.allowanceDays()).add(s.responsibleUnitId()).endRow();
            }
        }
        steps.flush();
    }

    /** Writes dossiers {@code firstId .. firstId + count - 1}; returns the number of events written. */
    long writeDossiers(Connection connection, long firstId, int count, LongFunction<LocalDate> dayOf) throws SQLException {
        return writeDossiers(connection, firstId, count, dayOf, true);
    }

    /**
     * Writes dossiers {@code firstId .. firstId + count - 1}, with their events and step overruns when
     * {@code history} (without them, for benchmarks of what only reads dossiers: about a fifth of the rows).
     */
    long writeDossiers(Connection connection, long firstId, int count, LongFunction<LocalDate> dayOf, boolean history)
            throws SQLException {
        CopyWriter dossiers = new CopyWriter(connection, "dossier (id, receipt_code, procedure_id, unit_id, applicant_kind,"
                + " applicant_name, identity_number, phone, address, channel, received_at, due_date, status, current_step_id,"
                + " current_official_id, step_entered_at, result, resolved_at, returned_at, closed_at, late, online_payment,"
                + " digitised_dossier, digitised_result, satisfaction, lookup_secret_hash, apology_reason, apology_new_date,"
                + " apology_issued_at, apology_category, reject_category, reject_reason, clock_started_on, days_used_before"
                + DemoIndicatorFacts.DOSSIER_COLUMNS + ")");
        CopyWriter events = new CopyWriter(connection, "dossier_event (dossier_id, seq, transition, from_status, to_status,"
                + " step_id, at, unit_id, official_id, reason, details)");
        CopyWriter overruns = new CopyWriter(connection, "dossier_step_overrun (dossier_id, step_id, unit_id, official_id,"
                + " entered_at, left_at, allowance_days, days_used, days_over)");
        for (long id = firstId; id < firstId + count; id++) {
            Simulated s = simulate(id, dayOf);
            DossierRow d = s.dossier();
            dossiers.add(d.id()).add(d.receiptCode()).add(d.procedureId()).add(d.unitId()).add(d.applicantKind())
                    .add(d.applicantName()).add(d.identityNumber()).add(d.phone()).add(d.address()).add(d.channel())
                    .add(d.receivedAt()).add(d.dueDate()).add(d.status()).add(d.currentStepId()).add(d.currentOfficialId())
                    .add(d.stepEnteredAt()).add(d.result()).add(d.resolvedAt()).add(d.returnedAt()).add(d.closedAt())
                    .add(d.late()).add(d.onlinePayment()).add(d.digitisedDossier()).add(d.digitisedResult()).add(d.satisfaction())
                    .add(d.lookupSecretHash()).add(d.apologyReason()).add(d.apologyNewDate()).add(d.apologyIssuedAt())
                    .add(DossierSimulator.apologyCategory(d.apologyReason()))
                    .add(d.rejectCategory()).add(d.rejectReason()).add(d.clockStartedOn()).add(d.daysUsedBefore());
            facts.addDossier(dossiers, d);
            dossiers.endRow();
            for (EventRow e : history ? s.events() : List.<EventRow>of()) {
                events.add(e.dossierId()).add(e.seq()).add(e.transition()).add(e.fromStatus()).add(e.toStatus()).add(e.stepId())
                        .add(e.at()).add(e.unitId()).add(e.officialId()).add(e.reason()).add(e.details()).endRow();
            }
            for (OverrunRow o : history ? s.overruns() : List.<OverrunRow>of()) {
                overruns.add(o.dossierId()).add(o.stepId()).add(o.unitId()).add(o.officialId()).add(o.enteredAt()).add(o.leftAt())
                        .add(o.allowance()).add(o.used()).add(o.over()).endRow();
            }
            if (dossiers.full() || events.full() || overruns.full()) {
                dossiers.flush();
                events.flush();
                overruns.flush();
            }
        }
        // dossiers first: events and overruns refer to them
        dossiers.flush();
        events.flush();
        overruns.flush();
        return events.rows();
    }
}
