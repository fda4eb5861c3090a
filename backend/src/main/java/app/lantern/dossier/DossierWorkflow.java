package app.lantern.dossier;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.CalendarService;
import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.ProcedureStep;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.internal.DossierRepository;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Changing dossiers: the staff of the handling unit's subtree only. Each change is one
 * transaction: checked against the input, the version the caller read (optimistic locking, with
 * the row locked), the lifecycle, then written with its event, any step overrun and an audit
 * record. A refused change stores nothing and answers with user errors.
 */
@Service
@PreAuthorize(Access.UNIT_STAFF)
public class DossierWorkflow {

    private static final Pattern PERSON_ID = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?|\\d{13}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .]{8,15}");

    private final DossierRepository repository;
    private final CatalogueService catalogue;
    private final CalendarService calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final tools.jackson.databind.ObjectMapper json;

    DossierWorkflow(DossierRepository repository, CatalogueService catalogue, CalendarService calendar, AuditLog audit, Clock clock,
                    tools.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.repository = repository;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the one-stop shop records at receipt. Ids are global IDs as the client sent them. */
    public record Receipt(String procedureId, String unitId, String applicantKind, String applicantName, String identityNumber,
                          String phone, String address, String channel, boolean onlinePayment, boolean digitisedDossier) {
    }

    /** What the one-stop shop also records at receipt for the Decision 766 indicators; all false when not given. */
    public record ReceiptFacts(boolean syncedToNationalPortal, boolean certifiedCopyRequested, boolean certifiedCopyElectronic,
                               boolean reusedDigitisedData, boolean usedPopulationData) {
        public static final ReceiptFacts NONE = new ReceiptFacts(false, false, false, false, false);
    }

    // ------------------------------------------------------------------ receive

    @Transactional
    public Outcome receive(Receipt input) {
        return receive(input, ReceiptFacts.NONE);
    }

    @Transactional
    public Outcome receive(Receipt input, ReceiptFacts facts) {
        CurrentUser user = user();
        Scope scope = writeScope(user);
        List<UserError> errors = new ArrayList<>();
        String name = trim(input.applicantName());
        if (name == null) {
            errors.add(UserError.of("applicantName", "REQUIRED", "Enter the applicant's name"));
        } else if (name.length() > 200) {
            errors.add(UserError.of("applicantName", "TOO_LONG", "The applicant's name is longer than 200 characters"));
        }
        String identity = trim(input.identityNumber());
        if (identity != null && "PERSON".equals(input.applicantKind()) && !PERSON_ID.matcher(identity).matches()) {
            errors.add(UserError.of("identityNumber", "INVALID", "A citizen identity number has 12 digits (an old identity card 9)"));
        }
        if (identity != null && "ORGANISATION".equals(input.applicantKind()) && !TAX_CODE.matcher(identity).matches()) {
            errors.add(UserError.of("identityNumber", "INVALID", "A tax code has 10 digits, optionally followed by -NNN, or 13 digits"));
        }
        String phone = trim(input.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(UserError.of("phone", "INVALID", "A telephone number has 8 to 15 digits"));
        }
        String address = trim(input.address());
        if (address != null && address.length() > 500) {
            errors.add(UserError.of("address", "TOO_LONG", "The address is longer than 500 characters"));
        }
        Optional<Unit> unit = input.unitId() == null
                ? (scope.staffUnitCode() == null ? Optional.empty() : catalogue.unitByCode(scope.staffUnitCode()))
                : decode(input.unitId(), "Unit").flatMap(catalogue::unit);
        LocalDate today = today();
        if (unit.isEmpty() || !inSubtree(unit.get(), scope)) {
            errors.add(UserError.of("unitId", "NOT_FOUND", "No unit of yours with this ID"));
        } else if (!unit.get().oneStopShop() || !validOn(unit.get(), today)) {
            errors.add(UserError.of("unitId", "NOT_RECEIVING", unit.get().name() + " does not receive dossiers "
                    + (validOn(unit.get(), today) ? "(no one-stop shop)" : "since " + unit.get().validTo())));
        }
        Optional<Procedure> procedure = input.procedureId() == null ? Optional.empty()
                : decode(input.procedureId(), "Procedure").flatMap(catalogue::procedure);
        if (procedure.isEmpty()) {
            errors.add(UserError.of("procedureId", "NOT_FOUND", "No procedure with this ID in your catalogue"));
        } else if ("ABOLISHED".equals(procedure.get().reviewState())) {
            errors.add(UserError.of("procedureId", "PROCEDURE_ABOLISHED", "This procedure was abolished and takes no new dossiers"));
        } else if (unit.isPresent() && !catalogueOf(unit.get(), procedure.get())) {
            errors.add(UserError.of("procedureId", "NOT_IN_UNIT_CATALOGUE", "This procedure is not handled by " + unit.get().name()));
        }
        if (facts.certifiedCopyElectronic() && !facts.certifiedCopyRequested()) {
            errors.add(UserError.of("certifiedCopyElectronic", "CERTIFIED_COPY_NOT_REQUESTED",
                    "An electronic certified copy needs a certified copy to be requested"));
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        Procedure p = procedure.get();
        Unit u = unit.get();
        List<ProcedureStep> steps = catalogue.stepsOfProcedures(List.of(p.key())).getOrDefault(p.key(), List.of());
        Instant now = clock.instant();
        long id = repository.nextId();
        String code = ReceiptCodes.of(u.code(), now, id);
        String secret = LookupSecrets.newSecret();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", input.channel());
        LifecycleEffects.Fields received = LifecycleEffects.receive(now, p.statutoryWorkingDays(), calendar.deadlines(), details);
        LocalDate due = received.dueDate;
        Long official = me(user).map(Official::key).orElse(null);
        Long firstStep = steps.isEmpty() ? null : steps.getFirst().key();
        Dossier dossier = new Dossier(id, code, p.key(), u.key(), input.applicantKind(), name, identity, phone, address,
                input.channel(), received.receivedAt, due, received.status, firstStep, official, now, null, null, null, null, false,
                input.onlinePayment(), input.digitisedDossier(), false, null, null, null, null, null, null, null, received.clockStartedOn,
                received.daysUsedBefore, 0, true);
        repository.insert(dossier, LookupSecrets.hash(code, secret));
        if (!facts.equals(ReceiptFacts.NONE)) {
            repository.recordReceiptFacts(id, facts.syncedToNationalPortal(), facts.certifiedCopyRequested(),
                    facts.certifiedCopyElectronic(), facts.reusedDigitisedData(), facts.usedPopulationData());
        }
        repository.insertEvent(id, Transition.RECEIVE.name(), null, DossierStatus.RECEIVED.name(), firstStep, now, u.key(), official,
                user.username(), null, json(details));
        audit.record("dossier.receive", "Dossier", code, Map.of("procedure", p.nationalCode(), "unit", u.code(),
                "dueDate", due.toString()));
        Dossier stored = repository.byId(id, scope).orElseThrow();
        return new Outcome(stored, secret, List.of());
    }

    // ------------------------------------------------------------------ transitions

    @Transactional
    public Outcome advance(String dossierId, int version, String assignedOfficialId) {
        CurrentUser user = user();
        Scope scope = writeScope(user);
        Optional<Official> assigned = Optional.empty();
        if (assignedOfficialId != null) {
            assigned = decode(assignedOfficialId, "Official").flatMap(catalogue::official);
            if (assigned.isEmpty()) {
                return Outcome.refused(UserError.of("assignedOfficialId", "NOT_FOUND", "No official of your units with this ID"));
            }
        }
        Optional<Official> next = assigned.or(() -> me(user));
        return change(dossierId, version, Transition.ADVANCE, NO_INPUT, user, scope, (d, ctx) -> {
            List<ProcedureStep> steps = catalogue.stepsOfProcedures(List.of(d.procedureId())).getOrDefault(d.procedureId(), List.of());
            int at = indexOf(steps, d.currentStepId());
            // the last step hands the result over: a dossier gets there by being resolved
            if (!Lifecycle.hasNextProcessingStep(steps, d.currentStepId())) {
                return ctx.refuse(UserError.general("NO_NEXT_STEP", "The dossier is at its last processing step; resolve it instead"));
            }
            ProcedureStep to = steps.get(at + 1);
            ctx.leaveStep(d, steps, at);
            ctx.draft.fields.currentStepId = to.key();
            ctx.draft.fields.currentOfficialId = next.map(Official::key).orElse(null);
            ctx.draft.stepEnteredAt = ctx.now;
            ctx.eventStep = to.key();
            ctx.details.put("step", to.ordinal());
            next.ifPresent(o -> ctx.details.put("assignedOfficial", o.fullName()));
            return null;
        });
    }

    @Transactional
    public Outcome requestSupplement(String dossierId, int version, String reason) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.REQUEST_SUPPLEMENT, new LifecycleEffects.Input(reason, null, null, null, null, null, null),
                user, writeScope(user), NO_STEP_CHANGE);
    }

    @Transactional
    public Outcome resumeAfterSupplement(String dossierId, int version) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.RESUME_AFTER_SUPPLEMENT, NO_INPUT, user, writeScope(user), NO_STEP_CHANGE);
    }

    /**
     * Records the result; {@code resultSyncedToCitizenStore}: the electronic result went to the
     * applicant's data store (a Decision 766 fact, so it needs {@code digitisedResult}).
     */
    @Transactional
    public Outcome resolve(String dossierId, int version, String result, boolean digitisedResult, boolean resultSyncedToCitizenStore) {
        CurrentUser user = user();
        if (resultSyncedToCitizenStore && !digitisedResult) {
            return Outcome.refused(UserError.of("resultSyncedToCitizenStore", "ELECTRONIC_RESULT_REQUIRED",
                    "Only an electronic result can be synchronised to the applicant's data store"));
        }
        Outcome outcome = change(dossierId, version, Transition.RESOLVE,
                new LifecycleEffects.Input(null, result, digitisedResult, null, null, null, null), user, writeScope(user), (d, ctx) -> {
                    List<ProcedureStep> steps = catalogue.stepsOfProcedures(List.of(d.procedureId())).getOrDefault(d.procedureId(), List.of());
                    ctx.leaveStep(d, steps, indexOf(steps, d.currentStepId()));
                    ctx.draft.fields.currentStepId = steps.isEmpty() ? null : steps.getLast().key();
                    ctx.draft.stepEnteredAt = ctx.now;
                    ctx.eventStep = ctx.draft.fields.currentStepId;
                    if (resultSyncedToCitizenStore) {
                        ctx.details.put("resultSyncedToCitizenStore", true);
                    }
                    return null;
                });
        if (resultSyncedToCitizenStore && outcome.userErrors().isEmpty()) {
            repository.recordResultSyncedToCitizenStore(outcome.dossier().key());
        }
        return outcome;
    }

    @Transactional
    public Outcome returnResult(String dossierId, int version) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.RETURN, NO_INPUT, user, writeScope(user), NO_STEP_CHANGE);
    }

    @Transactional
    public Outcome reject(String dossierId, int version, String category, String reason) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.REJECT, new LifecycleEffects.Input(reason, null, null, category, null, null, null),
                user, writeScope(user), NO_STEP_CHANGE);
    }

    @Transactional
    public Outcome withdraw(String dossierId, int version, String reason) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.WITHDRAW, new LifecycleEffects.Input(reason, null, null, null, null, null, null),
                user, writeScope(user), NO_STEP_CHANGE);
    }

    @Transactional
    public Outcome issueApology(String dossierId, int version, String reason, LocalDate newAppointmentDate, String category) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.ISSUE_APOLOGY,
                new LifecycleEffects.Input(reason, null, null, null, newAppointmentDate, category, null), user, writeScope(user),
                NO_STEP_CHANGE);
    }

    @Transactional
    public Outcome rate(String dossierId, int version, int satisfaction) {
        CurrentUser user = user();
        return change(dossierId, version, Transition.RATE, new LifecycleEffects.Input(null, null, null, null, null, null, satisfaction),
                user, writeScope(user), NO_STEP_CHANGE);
    }

    // ------------------------------------------------------------------ the common path

    /**
     * What a transition does to the dossier's internal step and official beyond what
     * {@link LifecycleEffects} does to every dossier: fills the draft, returns a refusal or null.
     */
    private interface StepChange {
        Outcome apply(Dossier current, Context ctx);
    }

    private static final StepChange NO_STEP_CHANGE = (d, ctx) -> null;
    private static final LifecycleEffects.Input NO_INPUT = new LifecycleEffects.Input(null, null, null, null, null, null, null);

    private final class Context {
        final Draft draft;
        final Instant now = clock.instant();
        final LocalDate today = WorkingDays.localDate(now);
        final Deadlines rules = calendar.deadlines();
        final Map<String, Object> details = new LinkedHashMap<>();
        Long eventStep;
        Outcome refusal;

        Context(Dossier d) {
            this.draft = new Draft(d);
            this.eventStep = d.currentStepId();
        }

        Outcome refuse(UserError error) {
            refusal = Outcome.refused(error);
            return refusal;
        }

        /** Records an overrun when the step being left took longer than its allowance (supplement pauses excluded). */
        void leaveStep(Dossier d, List<ProcedureStep> steps, int index) {
            if (index < 0 || d.stepEnteredAt() == null) {
                return;
            }
            ProcedureStep step = steps.get(index);
            LocalDate entered = WorkingDays.localDate(d.stepEnteredAt());
            int paused = pausedWorkingDays(d, entered);
            int used = rules.days().workingDaysBetween(entered, today) - paused;
            int over = Deadlines.overrunDays(step.ordinal(), used, step.allowanceWorkingDays());
            if (over > 0) {
                // a step of the catalogue's owner is done by the unit handling the dossier (a commune for a district's procedure)
                long owner = catalogue.procedure(d.procedureId()).map(Procedure::unitId).orElse(-1L);
                long unit = step.responsibleUnitId() == owner ? d.unitId() : step.responsibleUnitId();
                repository.insertOverrun(d.key(), step.key(), unit, d.currentOfficialId(), d.stepEnteredAt(), now,
                        step.allowanceWorkingDays(), used, over);
                details.put("stepOverrunDays", over);
            }
        }

        private int pausedWorkingDays(Dossier d, LocalDate entered) {
            int paused = 0;
            LocalDate pausedOn = null;
            for (DossierEvent e : repository.eventsOf(List.of(d.key()))) {
                LocalDate on = WorkingDays.localDate(e.at());
                if (on.isBefore(entered)) {
                    continue;
                }
                if (e.transition().equals(Transition.REQUEST_SUPPLEMENT.name())) {
                    pausedOn = on;
                } else if (e.transition().equals(Transition.RESUME_AFTER_SUPPLEMENT.name()) && pausedOn != null) {
                    paused += rules.days().workingDaysBetween(pausedOn, on);
                    pausedOn = null;
                }
            }
            return paused;
        }
    }

    private Outcome change(String dossierId, int version, Transition transition, LifecycleEffects.Input input, CurrentUser user,
                           Scope scope, StepChange stepChange) {
        Optional<LifecycleEffects.Refusal> badInput = LifecycleEffects.inputRefusal(transition, input);
        if (badInput.isPresent()) {
            return Outcome.refused(error(badInput.get()));
        }
        Optional<Long> key = decode(dossierId, "Dossier");
        Optional<Dossier> found = key.flatMap(k -> repository.lockById(k, scope));
        if (found.isEmpty()) {
            return Outcome.refused(UserError.of("dossierId", "NOT_FOUND", "No dossier of your units with this ID"));
        }
        Dossier d = found.get();
        if (d.version() != version) {
            return Outcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed dossier "
                    + d.receiptCode() + " since you read it (your version " + version + ", now " + d.version()
                    + "). Reload it and try again."));
        }
        Context ctx = new Context(d);
        Optional<String> refusal = Lifecycle.refusal(Lifecycle.Facts.of(d.status(), d.dueDate(), d.resolvedAt(), d.satisfaction()),
                transition, ctx.today);
        if (refusal.isPresent()) {
            return Outcome.refused(UserError.general("TRANSITION_NOT_ALLOWED", refusal.get() + " (current status: " + d.status() + ")"));
        }
        Outcome refused = stepChange.apply(d, ctx);
        if (refused == null) {
            refused = LifecycleEffects.apply(ctx.draft.fields, transition, input, ctx.now, ctx.rules,
                    () -> catalogue.procedure(d.procedureId()).orElseThrow().statutoryWorkingDays(), ctx.details)
                    .map(r -> Outcome.refused(error(r))).orElse(null);
        }
        if (refused != null) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return refused;
        }
        DossierStatus to = ctx.draft.fields.status;
        String reason = LifecycleEffects.trim(input.reason());
        if (!repository.update(ctx.draft.toDossier(), version)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed dossier "
                    + d.receiptCode() + " since you read it. Reload it and try again."));
        }
        Long official = me(user).map(Official::key).orElse(null);
        repository.insertEvent(d.key(), transition.name(), d.status().name(), to.name(), ctx.eventStep, ctx.now, d.unitId(), official,
                user.username(), reason, json(ctx.details));
        Map<String, Object> auditDetails = new LinkedHashMap<>(ctx.details);
        auditDetails.put("from", d.status().name());
        auditDetails.put("to", to.name());
        if (reason != null) {
            auditDetails.put("reason", reason);
        }
        audit.record("dossier." + camel(transition), "Dossier", d.receiptCode(), auditDetails);
        return Outcome.of(repository.byId(d.key(), scope).orElseThrow());
    }

    /** A dossier being changed: its lifecycle fields as {@link LifecycleEffects} changes them, and when it entered its step. */
    private static final class Draft {
        final Dossier base;
        final LifecycleEffects.Fields fields = new LifecycleEffects.Fields();
        Instant stepEnteredAt;

        Draft(Dossier d) {
            base = d;
            stepEnteredAt = d.stepEnteredAt();
            fields.status = d.status();
            fields.receivedAt = d.receivedAt();
            fields.dueDate = d.dueDate();
            fields.clockStartedOn = d.clockStartedOn();
            fields.daysUsedBefore = d.daysUsedBefore();
            fields.currentStepId = d.currentStepId();
            fields.currentOfficialId = d.currentOfficialId();
            fields.result = d.result();
            fields.resolvedAt = d.resolvedAt();
            fields.returnedAt = d.returnedAt();
            fields.closedAt = d.closedAt();
            fields.late = d.late();
            fields.digitisedResult = d.digitisedResult();
            fields.satisfaction = d.satisfaction();
            fields.apologyReason = d.apologyReason();
            fields.apologyNewDate = d.apologyNewDate();
            fields.apologyIssuedAt = d.apologyIssuedAt();
            fields.apologyCategory = d.apologyCategory();
            fields.rejectCategory = d.rejectCategory();
            fields.rejectReason = d.rejectReason();
        }

        Dossier toDossier() {
            Dossier b = base;
            LifecycleEffects.Fields f = fields;
            return new Dossier(b.key(), b.receiptCode(), b.procedureId(), b.unitId(), b.applicantKind(), b.applicantName(),
                    b.identityNumber(), b.phone(), b.address(), b.channel(), b.receivedAt(), f.dueDate, f.status, f.currentStepId,
                    f.currentOfficialId, stepEnteredAt, f.result, f.resolvedAt, f.returnedAt, f.closedAt, f.late, b.onlinePayment(),
                    b.digitisedDossier(), f.digitisedResult, f.satisfaction, f.apologyReason, f.apologyNewDate, f.apologyIssuedAt,
                    f.apologyCategory, f.rejectCategory, f.rejectReason, f.clockStartedOn, f.daysUsedBefore, b.version(), b.applicantVisible());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static CurrentUser user() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not logged in"));
    }

    /** Writers change only their own subtree, even if they may read more. */
    private static Scope writeScope(CurrentUser user) {
        return new Scope(false, false, Scope.of(user).staffUnitCode());
    }

    private Optional<Official> me(CurrentUser user) {
        return catalogue.officialByUsername(user.username());
    }

    private LocalDate today() {
        return WorkingDays.localDate(clock.instant());
    }

    private boolean inSubtree(Unit unit, Scope scope) {
        return scope.staffUnitCode() != null && catalogue.unitByCode(scope.staffUnitCode())
                .map(mine -> unit.path().startsWith(mine.path())).orElse(false);
    }

    private static boolean validOn(Unit unit, LocalDate day) {
        return !day.isBefore(unit.validFrom()) && (unit.validTo() == null || !day.isAfter(unit.validTo()));
    }

    /** The procedure is in the unit's catalogue or in that of a unit above it. */
    private boolean catalogueOf(Unit unit, Procedure procedure) {
        return catalogue.unit(procedure.unitId()).map(owner -> unit.path().startsWith(owner.path())).orElse(false);
    }

    private static int indexOf(List<ProcedureStep> steps, Long stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (stepId != null && steps.get(i).key() == stepId) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Long> decode(String id, String type) {
        try {
            return Optional.of(NodeId.longKey(id, type));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UserError error(LifecycleEffects.Refusal refusal) {
        return UserError.of(refusal.field(), refusal.code(), refusal.message());
    }

    private static String camel(Transition t) {
        String[] parts = t.name().toLowerCase().split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    private String json(Map<String, ?> map) {
        return json.writeValueAsString(map);
    }
}
