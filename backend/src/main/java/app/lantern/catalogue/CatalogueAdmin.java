package app.lantern.catalogue;

import app.lantern.audit.AuditLog;
import app.lantern.catalogue.internal.CatalogueWrites;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Administrators manage the catalogue: units (and their successions), officials, procedures with
 * their steps. Each change is one audited transaction; bad input answers with user errors naming
 * the field, and a stale version with {@code CONCURRENT_MODIFICATION}.
 */
@Service
@PreAuthorize(Access.ADMIN)
@Transactional
public class CatalogueAdmin {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private final CatalogueWrites writes;
    private final CatalogueService reads;
    private final AuditLog audit;
    private final Clock clock;

    CatalogueAdmin(CatalogueWrites writes, CatalogueService reads, AuditLog audit, Clock clock) {
        this.writes = writes;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** The changed object, or the errors that stopped the change (then nothing was stored). */
    public record Result<T>(T value, List<UserError> userErrors) {
        static <T> Result<T> refused(List<UserError> errors) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Result<>(null, List.copyOf(errors));
        }
    }

    public record UnitCreate(String code, String name, String level, String parentId, String address, String phone, String email,
                             boolean oneStopShop, LocalDate validFrom) {
    }

    public record UnitUpdate(String unitId, int version, String name, String address, String phone, String email,
                             Boolean oneStopShop, LocalDate validTo, String mergedIntoId) {
    }

    public record OfficialCreate(String unitId, String fullName, String position, String idpUsername) {
    }

    public record OfficialUpdate(String officialId, int version, String unitId, String fullName, String position, String idpUsername) {
    }

    public record Step(String name, int allowanceWorkingDays, String responsibleUnitId) {
    }

    public record ProcedureCreate(String unitId, String nationalCode, String name, String field, String authorityLevel,
                                  int statutoryWorkingDays, long fee, String onlineLevel, boolean published, List<Step> steps,
                                  ProcedureSetup setup) {
    }

    public record ProcedureUpdate(String procedureId, int version, String name, Integer statutoryWorkingDays, Long fee,
                                  String onlineLevel, Boolean published, String reviewState, List<Step> steps, ProcedureSetup setup) {
    }

    /**
     * A procedure's announcement, publication and set-up, which the Decision 766 indicators count;
     * a null entry is not given (false, or no date, for a new procedure; unchanged by an update).
     */
    public record ProcedureSetup(LocalDate effectiveOn, LocalDate announcedOn, LocalDate publishedOn, Boolean fullContentPublished,
                                 Boolean onlinePaymentEnabled, Boolean portalPaymentConfigured, Boolean populationDbConnected) {
        public static final ProcedureSetup NONE = new ProcedureSetup(null, null, null, null, null, null, null);

        /** This setup's given entries over {@code stored}. */
        ProcedureSetup over(ProcedureSetup stored) {
            return new ProcedureSetup(or(effectiveOn, stored.effectiveOn), or(announcedOn, stored.announcedOn), or(publishedOn, stored.publishedOn),
                    or(fullContentPublished, stored.fullContentPublished), or(onlinePaymentEnabled, stored.onlinePaymentEnabled),
                    or(portalPaymentConfigured, stored.portalPaymentConfigured), or(populationDbConnected, stored.populationDbConnected));
        }

        /** The given entries, by input field name, for the audit record. */
        Map<String, Object> given() {
            Map<String, Object> given = new java.util.LinkedHashMap<>();
            if (effectiveOn != null) given.put("effectiveOn", effectiveOn.toString());
            if (announcedOn != null) given.put("announcedOn", announcedOn.toString());
            if (publishedOn != null) given.put("publishedOn", publishedOn.toString());
            if (fullContentPublished != null) given.put("fullContentPublished", fullContentPublished);
            if (onlinePaymentEnabled != null) given.put("onlinePaymentEnabled", onlinePaymentEnabled);
            if (portalPaymentConfigured != null) given.put("portalPaymentConfigured", portalPaymentConfigured);
            if (populationDbConnected != null) given.put("populationDbConnected", populationDbConnected);
            return given;
        }

        private static <T> T or(T value, T otherwise) {
            return value != null ? value : otherwise;
        }
    }

    // ------------------------------------------------------------------ units

    public Result<Unit> createUnit(UnitCreate in) {
        List<UserError> errors = new ArrayList<>();
        String code = trim(in.code());
        if (code == null || !UNIT_CODE.matcher(code).matches()) {
            errors.add(UserError.of("code", "INVALID", "A unit code has 2–40 capital letters, digits and dashes"));
        } else if (writes.unitCodeTaken(code)) {
            errors.add(UserError.of("code", "CODE_TAKEN", "Another unit has code " + code));
        }
        String name = text(in.name(), 300, "name", errors);
        Optional<Unit> parent = in.parentId() == null ? Optional.empty() : id(in.parentId(), "Unit").flatMap(reads::unit);
        if (in.parentId() != null && parent.isEmpty()) {
            errors.add(UserError.of("parentId", "NOT_FOUND", "No unit with this ID"));
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        LocalDate from = in.validFrom() != null ? in.validFrom() : LocalDate.now(clock.withZone(app.lantern.calendar.WorkingDays.ZONE));
        long id = writes.insertUnit(code, name, in.level(), parent.map(Unit::key).orElse(null), parent.map(Unit::path).orElse(null),
                trim(in.address()), trim(in.phone()), trim(in.email()), in.oneStopShop(), from);
        audit.record("unit.create", "Unit", code, Map.of("name", name, "level", in.level()));
        return new Result<>(reads.unit(id).orElseThrow(), List.of());
    }

    public Result<Unit> updateUnit(UnitUpdate in) {
        List<UserError> errors = new ArrayList<>();
        Optional<Unit> unit = id(in.unitId(), "Unit").flatMap(reads::unit);
        if (unit.isEmpty()) {
            return Result.refused(List.of(UserError.of("unitId", "NOT_FOUND", "No unit with this ID")));
        }
        String name = in.name() == null ? null : text(in.name(), 300, "name", errors);
        Optional<Unit> mergedInto = Optional.empty();
        if (in.mergedIntoId() != null) {
            mergedInto = id(in.mergedIntoId(), "Unit").flatMap(reads::unit);
            if (mergedInto.isEmpty() || mergedInto.get().key() == unit.get().key()) {
                errors.add(UserError.of("mergedIntoId", "NOT_FOUND", "No other unit with this ID"));
            }
            if (in.validTo() == null) {
                errors.add(UserError.of("validTo", "REQUIRED", "A merged unit ends: give its last day"));
            }
        }
        if (in.validTo() != null && in.validTo().isBefore(unit.get().validFrom())) {
            errors.add(UserError.of("validTo", "BEFORE_VALID_FROM", "The last day cannot precede the first, " + unit.get().validFrom()));
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        if (!writes.updateUnit(unit.get().key(), in.version(), name, trim(in.address()), trim(in.phone()), trim(in.email()),
                in.oneStopShop(), in.validTo())) {
            return Result.refused(List.of(stale("version", "unit " + unit.get().code())));
        }
        mergedInto.ifPresent(target -> writes.insertSuccession(unit.get().key(), target.key(), "MERGED_INTO", in.validTo().plusDays(1)));
        Map<String, Object> details = new HashMap<>();
        if (name != null) details.put("name", name);
        if (in.validTo() != null) details.put("validTo", in.validTo().toString());
        mergedInto.ifPresent(t -> details.put("mergedInto", t.code()));
        audit.record("unit.update", "Unit", unit.get().code(), details);
        return new Result<>(reads.unit(unit.get().key()).orElseThrow(), List.of());
    }

    // ------------------------------------------------------------------ officials

    public Result<Official> createOfficial(OfficialCreate in) {
        List<UserError> errors = new ArrayList<>();
        Optional<Unit> unit = id(in.unitId(), "Unit").flatMap(reads::unit);
        if (unit.isEmpty()) {
            errors.add(UserError.of("unitId", "NOT_FOUND", "No unit with this ID"));
        }
        String name = text(in.fullName(), 200, "fullName", errors);
        String position = text(in.position(), 200, "position", errors);
        String username = trim(in.idpUsername());
        if (username != null && writes.usernameTaken(username, null)) {
            errors.add(UserError.of("idpUsername", "USERNAME_TAKEN", "Another official has login " + username));
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        long id = writes.insertOfficial(unit.get().key(), name, position, username);
        audit.record("official.create", "Official", id, Map.of("unit", unit.get().code(), "fullName", name));
        return new Result<>(reads.official(id).orElseThrow(), List.of());
    }

    public Result<Official> updateOfficial(OfficialUpdate in) {
        List<UserError> errors = new ArrayList<>();
        Optional<Official> official = id(in.officialId(), "Official").flatMap(reads::official);
        if (official.isEmpty()) {
            return Result.refused(List.of(UserError.of("officialId", "NOT_FOUND", "No official with this ID")));
        }
        Optional<Unit> unit = in.unitId() == null ? Optional.empty() : id(in.unitId(), "Unit").flatMap(reads::unit);
        if (in.unitId() != null && unit.isEmpty()) {
            errors.add(UserError.of("unitId", "NOT_FOUND", "No unit with this ID"));
        }
        String name = in.fullName() == null ? null : text(in.fullName(), 200, "fullName", errors);
        String position = in.position() == null ? null : text(in.position(), 200, "position", errors);
        String username = trim(in.idpUsername());
        if (username != null && writes.usernameTaken(username, official.get().key())) {
            errors.add(UserError.of("idpUsername", "USERNAME_TAKEN", "Another official has login " + username));
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        if (!writes.updateOfficial(official.get().key(), in.version(), unit.map(Unit::key).orElse(null), name, position, username)) {
            return Result.refused(List.of(stale("version", "official " + official.get().fullName())));
        }
        audit.record("official.update", "Official", official.get().key(), Map.of());
        return new Result<>(reads.official(official.get().key()).orElseThrow(), List.of());
    }

    // ------------------------------------------------------------------ procedures

    public Result<Procedure> createProcedure(ProcedureCreate in) {
        List<UserError> errors = new ArrayList<>();
        Optional<Unit> unit = id(in.unitId(), "Unit").flatMap(reads::unit);
        if (unit.isEmpty()) {
            errors.add(UserError.of("unitId", "NOT_FOUND", "No unit with this ID"));
        }
        String code = text(in.nationalCode(), 30, "nationalCode", errors);
        if (code != null && unit.isPresent() && writes.nationalCodeTaken(unit.get().key(), code)) {
            errors.add(UserError.of("nationalCode", "CODE_TAKEN", unit.get().name() + " already has procedure " + code));
        }
        String name = text(in.name(), 500, "name", errors);
        days(in.statutoryWorkingDays(), errors);
        if (in.fee() < 0) {
            errors.add(UserError.of("fee", "NEGATIVE", "A fee cannot be negative"));
        }
        List<Long> responsible = steps(in.steps(), in.statutoryWorkingDays(), unit.map(Unit::key).orElse(null), errors);
        ProcedureSetup setup = in.setup() == null ? ProcedureSetup.NONE : in.setup();
        ProcedureSetup complete = setup.over(new ProcedureSetup(null, null, null, false, false, false, false));
        setup(setup, complete, in.published(), in.fee(), errors);
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        long id = writes.insertProcedure(unit.get().key(), code, name, in.field(), in.authorityLevel(), in.statutoryWorkingDays(),
                in.fee(), in.onlineLevel(), in.published(), complete);
        writeSteps(id, in.steps(), responsible);
        Map<String, Object> details = new HashMap<>(setup.given());
        details.put("unit", unit.get().code());
        details.put("nationalCode", code);
        audit.record("procedure.create", "Procedure", id, details);
        return new Result<>(reads.procedure(id).orElseThrow(), List.of());
    }

    public Result<Procedure> updateProcedure(ProcedureUpdate in) {
        List<UserError> errors = new ArrayList<>();
        Optional<Procedure> procedure = id(in.procedureId(), "Procedure").flatMap(reads::procedure);
        if (procedure.isEmpty()) {
            return Result.refused(List.of(UserError.of("procedureId", "NOT_FOUND", "No procedure with this ID")));
        }
        Procedure p = procedure.get();
        String name = in.name() == null ? null : text(in.name(), 500, "name", errors);
        int days = in.statutoryWorkingDays() == null ? p.statutoryWorkingDays() : in.statutoryWorkingDays();
        days(days, errors);
        if (in.fee() != null && in.fee() < 0) {
            errors.add(UserError.of("fee", "NEGATIVE", "A fee cannot be negative"));
        }
        List<Long> responsible = null;
        if (in.steps() != null) {
            responsible = steps(in.steps(), days, p.unitId(), errors);
            if (errors.isEmpty() && writes.stepsInUseBeyond(p.key(), in.steps().size()) > 0) {
                errors.add(UserError.of("steps", "STEP_IN_USE", "Dossiers are at or went through the steps you remove"));
            }
        } else if (in.statutoryWorkingDays() != null && in.statutoryWorkingDays() != p.statutoryWorkingDays()) {
            errors.add(UserError.of("steps", "REQUIRED", "Give the steps again: their allowances must add up to the new time"));
        }
        ProcedureSetup setup = in.setup() == null ? ProcedureSetup.NONE : in.setup();
        setup(setup, setup.over(writes.procedureSetup(p.key())), in.published() != null ? in.published() : p.published(),
                in.fee() != null ? in.fee() : p.fee(), errors);
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        if (!writes.updateProcedure(p.key(), in.version(), name, in.statutoryWorkingDays(), in.fee(), in.onlineLevel(),
                in.published(), in.reviewState(), setup)) {
            return Result.refused(List.of(stale("version", "procedure " + p.nationalCode())));
        }
        if (in.steps() != null) {
            writeSteps(p.key(), in.steps(), responsible);
            writes.deleteStepsBeyond(p.key(), in.steps().size());
        }
        Map<String, Object> details = new HashMap<>(setup.given());
        if (in.reviewState() != null) details.put("reviewState", in.reviewState());
        if (in.published() != null) details.put("published", in.published());
        if (in.statutoryWorkingDays() != null) details.put("statutoryWorkingDays", in.statutoryWorkingDays());
        audit.record("procedure.update", "Procedure", p.key(), details);
        return new Result<>(reads.procedure(p.key()).orElseThrow(), List.of());
    }

    /**
     * Checks the announcement, publication and set-up a change gives ({@code given}) against the
     * procedure as it will be ({@code after}, with its publication state and fee). An announcement
     * may follow the effective date (the indicator counts it late), but nothing is dated in the
     * future, publication follows the announcement, and only what a procedure has can be set up:
     * full content only when published, online payment only for a fee, portal payment only with
     * online payment.
     */
    private void setup(ProcedureSetup given, ProcedureSetup after, boolean published, long fee, List<UserError> errors) {
        LocalDate today = LocalDate.now(clock.withZone(app.lantern.calendar.WorkingDays.ZONE));
        if (given.announcedOn() != null && given.announcedOn().isAfter(today)) {
            errors.add(UserError.of("announcedOn", "IN_FUTURE", "The announcement date cannot be after today, " + today));
        }
        if (given.publishedOn() != null && given.publishedOn().isAfter(today)) {
            errors.add(UserError.of("publishedOn", "IN_FUTURE", "The publication date cannot be after today, " + today));
        }
        if (after.publishedOn() != null && (given.publishedOn() != null || given.announcedOn() != null)) {
            String field = given.publishedOn() != null ? "publishedOn" : "announcedOn";
            if (after.announcedOn() == null) {
                errors.add(UserError.of("announcedOn", "REQUIRED", "Give the announcement date: a procedure is published after it is announced"));
            } else if (after.publishedOn().isBefore(after.announcedOn())) {
                errors.add(UserError.of(field, field.equals("publishedOn") ? "BEFORE_ANNOUNCEMENT" : "AFTER_PUBLICATION",
                        "The procedure cannot be published (" + after.publishedOn() + ") before it is announced (" + after.announcedOn() + ")"));
            }
        }
        if (Boolean.TRUE.equals(given.fullContentPublished()) && !published) {
            errors.add(UserError.of("fullContentPublished", "NOT_PUBLISHED", "Only a published procedure has its full content published"));
        }
        if (Boolean.TRUE.equals(given.onlinePaymentEnabled()) && fee == 0) {
            errors.add(UserError.of("onlinePaymentEnabled", "NO_FEE", "A procedure free of charge has nothing to pay online"));
        }
        if (Boolean.TRUE.equals(given.portalPaymentConfigured()) && !Boolean.TRUE.equals(after.onlinePaymentEnabled())) {
            errors.add(UserError.of("portalPaymentConfigured", "ONLINE_PAYMENT_REQUIRED",
                    "Payment on the national portal needs online payment to be accepted"));
        }
    }

    private void writeSteps(long procedureId, List<Step> steps, List<Long> responsible) {
        for (int i = 0; i < steps.size(); i++) {
            writes.upsertStep(procedureId, i + 1, steps.get(i).name().strip(), steps.get(i).allowanceWorkingDays(), responsible.get(i));
        }
    }

    private List<Long> steps(List<Step> steps, int statutoryDays, Long ownerId, List<UserError> errors) {
        List<Long> responsible = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            errors.add(UserError.of("steps", "REQUIRED", "A procedure has at least one step"));
            return responsible;
        }
        int sum = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (trim(s.name()) == null) {
                errors.add(UserError.of("steps." + i + ".name", "REQUIRED", "Step " + (i + 1) + " needs a name"));
            }
            if (s.allowanceWorkingDays() < 0) {
                errors.add(UserError.of("steps." + i + ".allowanceWorkingDays", "NEGATIVE", "An allowance cannot be negative"));
            }
            sum += s.allowanceWorkingDays();
            if (s.responsibleUnitId() != null) {
                Optional<Unit> unit = id(s.responsibleUnitId(), "Unit").flatMap(reads::unit);
                if (unit.isEmpty()) {
                    errors.add(UserError.of("steps." + i + ".responsibleUnitId", "NOT_FOUND", "No unit with this ID"));
                }
                responsible.add(unit.map(Unit::key).orElse(null));
            } else {
                responsible.add(ownerId);
            }
        }
        if (sum != statutoryDays) {
            errors.add(UserError.of("steps", "STEPS_DO_NOT_ADD_UP", "The steps' allowances add up to " + sum
                    + " working days, the statutory time is " + statutoryDays));
        }
        return responsible;
    }

    private static void days(int days, List<UserError> errors) {
        if (days < 0 || days > 365) {
            errors.add(UserError.of("statutoryWorkingDays", "OUT_OF_RANGE", "Statutory time is 0–365 working days"));
        }
    }

    private static UserError stale(String field, String what) {
        return UserError.of(field, "CONCURRENT_MODIFICATION", "Someone else changed " + what + " since you read it. Reload it and try again.");
    }

    private static String text(String value, int max, String field, List<UserError> errors) {
        String text = trim(value);
        if (text == null) {
            errors.add(UserError.of(field, "REQUIRED", "This field is required"));
        } else if (text.length() > max) {
            errors.add(UserError.of(field, "TOO_LONG", "At most " + max + " characters"));
        }
        return text;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Optional<Long> id(String id, String type) {
        try {
            return Optional.of(NodeId.longKey(id, type));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
