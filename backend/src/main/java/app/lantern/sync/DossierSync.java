package app.lantern.sync;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.CalendarService;
import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import app.lantern.dossier.DossierReplay;
import app.lantern.dossier.DossierStatus;
import app.lantern.dossier.Transition;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import app.lantern.sync.internal.SyncRepository;
import app.lantern.sync.internal.SyncRepository.DossierRow;
import app.lantern.sync.internal.SyncRepository.EventRow;
import app.lantern.sync.internal.SyncRepository.ProcedureRow;
import app.lantern.sync.internal.SyncRepository.StoredDossier;
import app.lantern.sync.internal.SyncRepository.StoredEvent;
import app.lantern.sync.internal.SyncRepository.UnitRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulk sync of a partner system's dossiers, keyed by (source, external id). Every item is checked
 * in memory first (its unit in the partner's write scope, its procedure in the unit's catalogue, its
 * events through {@link DossierReplay}, i.e. the lifecycle and the working-day calendar), then all
 * valid items are written with a constant number of set-based statements in one transaction, with
 * their events and audit records. Items with errors write nothing. Should the set-based write fail
 * anyway (say, a receipt code taken concurrently), the valid items are written again one by one,
 * each under its own savepoint, so that one bad row refuses only its own item.
 */
@Service
@PreAuthorize(Access.PARTNER_WRITER)
public class DossierSync {

    /** Most items in one batch. */
    public static final int MAX_ITEMS = 1000;

    private static final Logger log = LoggerFactory.getLogger(DossierSync.class);
    private static final Pattern PERSON_ID = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?|\\d{13}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .]{8,15}");
    private static final Set<String> CHANNELS = Set.of("DIRECT", "ONLINE", "POSTAL");
    private static final Set<String> KINDS = Set.of("PERSON", "ORGANISATION");

    private final SyncRepository repository;
    private final CalendarService calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    DossierSync(SyncRepository repository, CalendarService calendar, AuditLog audit, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** What an item will write once checked. */
    private record Plan(int index, SyncItem item, DossierRow row, boolean isNew, List<EventRow> events, SyncOutcome outcome,
                        Map<String, Object> factsChanged) {
    }

    @Transactional
    public SyncReport sync(String source, List<SyncItem> items) {
        CurrentUser partner = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AccessDeniedException("Not logged in"));
        String src = trim(source);
        if (src == null || src.length() > 100) {
            return new SyncReport(List.of(), List.of(UserError.of("source", src == null ? "REQUIRED" : "TOO_LONG",
                    "Name your system in source, in at most 100 characters")));
        }
        if (items.size() > MAX_ITEMS) {
            return new SyncReport(List.of(), List.of(UserError.of("items", "TOO_MANY",
                    "Send at most " + MAX_ITEMS + " items per batch (" + items.size() + " sent)")));
        }
        repository.lockSource(src);
        Instant now = clock.instant();
        Deadlines rules = calendar.deadlines();

        Set<String> unitCodes = new HashSet<>();
        Set<String> procedureCodes = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (SyncItem item : items) {
            if (item.unitCode() != null) {
                unitCodes.add(item.unitCode());
            }
            if (item.procedureCode() != null) {
                procedureCodes.add(item.procedureCode());
            }
            if (item.externalId() != null) {
                externalIds.add(item.externalId());
            }
        }
        Map<String, UnitRow> units = new HashMap<>();
        repository.unitsByCodes(unitCodes).forEach(u -> units.put(u.code(), u));
        Map<Long, UnitRow> unitsById = new HashMap<>();
        units.values().forEach(u -> unitsById.put(u.id(), u));
        List<String> writeRoots = writeRootPaths(partner);
        Map<String, List<ProcedureRow>> procedures = new HashMap<>();
        repository.proceduresByCodes(procedureCodes).forEach(p -> procedures.computeIfAbsent(p.nationalCode(), k -> new ArrayList<>()).add(p));
        Map<String, StoredDossier> stored = repository.lockBySource(src, externalIds);
        Map<Long, List<StoredEvent>> storedEvents = repository.eventsOf(stored.values().stream().map(StoredDossier::id).toList());

        SyncReport.Result[] results = new SyncReport.Result[items.size()];
        List<UserError> errors = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        Set<String> seenCodes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SyncItem item = items.get(i);
            String at = "items." + i + ".";
            List<UserError> itemErrors = new ArrayList<>();
            String externalId = trim(item.externalId());
            String code = trim(item.receiptCode());
            if (externalId == null || externalId.length() > 100) {
                itemErrors.add(UserError.of(at + "externalId", externalId == null ? "REQUIRED" : "TOO_LONG", "Give the dossier's id in your system, 1–100 characters"));
            } else if (!seenIds.add(externalId)) {
                itemErrors.add(UserError.of(at + "externalId", "DUPLICATE_IN_BATCH", "Dossier " + externalId + " is already an earlier item of this batch"));
            }
            if (code == null || code.length() > 60) {
                itemErrors.add(UserError.of(at + "receiptCode", code == null ? "REQUIRED" : "TOO_LONG", "Give the receipt code, 1–60 characters"));
            } else if (!seenCodes.add(code)) {
                itemErrors.add(UserError.of(at + "receiptCode", "DUPLICATE_IN_BATCH", "Receipt code " + code + " is already used by an earlier item of this batch"));
            }
            validateApplicant(item, at, itemErrors);
            if (item.channel() == null || !CHANNELS.contains(item.channel())) {
                itemErrors.add(UserError.of(at + "channel", "INVALID", "The channel is DIRECT, ONLINE or POSTAL"));
            }
            if (item.events() == null || item.events().isEmpty()) {
                itemErrors.add(UserError.of(at + "events", "REQUIRED", "Send the dossier's events, starting with RECEIVE"));
            }
            validateFacts(item, at, itemErrors);
            UnitRow unit = units.get(item.unitCode());
            if (unit == null || writeRoots.stream().noneMatch(root -> unit.path().startsWith(root))) {
                itemErrors.add(UserError.of(at + "unitCode", unit == null ? "NOT_FOUND" : "NOT_WRITABLE", unit == null
                        ? "No unit with code " + item.unitCode()
                        : "Your system may not write the dossiers of " + unit.code()));
            }
            ProcedureRow procedure = unit == null ? null : procedureOf(procedures.get(item.procedureCode()), unit);
            if (unit != null && procedure == null) {
                itemErrors.add(UserError.of(at + "procedureCode", "NOT_FOUND", "No procedure " + item.procedureCode()
                        + " in the catalogue of " + unit.code() + " or the units above it"));
            }
            StoredDossier existing = externalId == null ? null : stored.get(externalId);
            if (existing != null && itemErrors.isEmpty()) {
                if (existing.unitId() != unit.id()) {
                    itemErrors.add(UserError.of(at + "unitCode", "IMMUTABLE", "Dossier " + externalId + " is handled by "
                            + unitsById.getOrDefault(existing.unitId(), unit).code() + "; its unit cannot change"));
                }
                if (existing.procedureId() != procedure.id()) {
                    itemErrors.add(UserError.of(at + "procedureCode", "IMMUTABLE", "The procedure of dossier " + externalId + " cannot change"));
                }
                if (!existing.receiptCode().equals(code)) {
                    itemErrors.add(UserError.of(at + "receiptCode", "IMMUTABLE", "Dossier " + externalId + " has receipt code "
                            + existing.receiptCode() + "; it cannot change"));
                }
            }
            if (!itemErrors.isEmpty()) {
                errors.addAll(itemErrors);
                results[i] = rejected(i, item, existing);
                continue;
            }
            Plan plan = plan(i, src, item, code, externalId, unit, procedure, existing,
                    existing == null ? List.of() : storedEvents.getOrDefault(existing.id(), List.of()), rules, now, partner, errors);
            if (plan == null) {
                results[i] = rejected(i, item, existing);
            } else if (plan.outcome() == SyncOutcome.UNCHANGED) {
                results[i] = new SyncReport.Result(i, externalId, SyncOutcome.UNCHANGED, existing.id(), existing.state().status(), 0);
            } else {
                plans.add(plan);
            }
        }

        // receipt codes of new dossiers must be free
        Map<String, Plan> newByCode = new LinkedHashMap<>();
        plans.stream().filter(Plan::isNew).forEach(p -> newByCode.put(p.row().receiptCode(), p));
        Set<String> taken = new HashSet<>(repository.takenReceiptCodes(newByCode.keySet()));
        List<Plan> writable = new ArrayList<>();
        for (Plan p : plans) {
            if (p.isNew() && taken.contains(p.row().receiptCode())) {
                errors.add(UserError.of("items." + p.index() + ".receiptCode", "RECEIPT_CODE_TAKEN",
                        "Another dossier already has receipt code " + p.row().receiptCode()));
                results[p.index()] = rejected(p.index(), p.item(), null);
            } else {
                writable.add(p);
            }
        }
        writable = assignIds(writable);
        write(writable, src, results, errors);
        errors.sort(java.util.Comparator.comparingInt(DossierSync::itemIndex));
        return new SyncReport(List.of(results), errors);
    }

    /** Checks the item's events against what is stored and plays the new ones; null (with errors added) when refused. */
    private Plan plan(int index, String source, SyncItem item, String code, String externalId, UnitRow unit, ProcedureRow procedure,
                      StoredDossier existing, List<StoredEvent> storedEvents, Deadlines rules, Instant now, CurrentUser partner,
                      List<UserError> errors) {
        String at = "items." + index + ".";
        List<SyncItem.Event> sent = item.events();
        for (int e = 0; e < sent.size(); e++) {
            if (sent.get(e).transition() == null || sent.get(e).at() == null) {
                errors.add(UserError.of(at + "events." + e + (sent.get(e).transition() == null ? ".transition" : ".at"), "REQUIRED",
                        "Every event has a transition and a time"));
                return null;
            }
        }
        int known = storedEvents.size();
        for (int e = 0; e < Math.min(known, sent.size()); e++) {
            StoredEvent s = storedEvents.get(e);
            SyncItem.Event x = sent.get(e);
            if (!s.transition().equals(x.transition().name()) || !s.at().equals(x.at().toInstant())) {
                errors.add(UserError.of(at + "events." + e, "EVENT_CONFLICT", "Lantern holds event " + e + " as " + s.transition()
                        + " at " + s.at() + "; stored events cannot change, send them unchanged and append new ones"));
                return null;
            }
        }
        if (existing != null && sent.size() < known) {
            errors.add(UserError.of(at + "events", "EVENTS_MISSING", "Lantern holds " + known + " events of dossier " + externalId
                    + "; send all of them, then the new ones"));
            return null;
        }
        List<DossierReplay.Event> fresh = sent.subList(existing == null ? 0 : known, sent.size()).stream()
                .map(x -> new DossierReplay.Event(x.transition(), x.at().toInstant(), x.reason(), x.result(), x.digitisedResult(),
                        x.rejectCategory(), x.newAppointmentDate(), x.satisfaction()))
                .toList();
        Instant previousAt = known == 0 ? null : storedEvents.getLast().at();
        DossierReplay.Result replay = DossierReplay.replay(existing == null ? null : existing.state(), previousAt, fresh,
                procedure.statutoryWorkingDays(), rules, now, existing == null ? 0 : known);
        if (replay.refusal() != null) {
            DossierReplay.Refusal r = replay.refusal();
            errors.add(UserError.of(at + "events." + r.index() + "." + r.field(), r.code(), r.message()));
            return null;
        }
        DossierReplay.State state = replay.state() == null ? existing.state() : replay.state();
        if (existing == null) {
            LocalDate receivedOn = WorkingDays.localDate(state.receivedAt());
            if (!unit.oneStopShop() || receivedOn.isBefore(unit.validFrom()) || (unit.validTo() != null && receivedOn.isAfter(unit.validTo()))) {
                errors.add(UserError.of(at + "unitCode", "NOT_RECEIVING", unit.code() + " did not receive dossiers on " + receivedOn));
                return null;
            }
            if ("ABOLISHED".equals(procedure.reviewState())) {
                errors.add(UserError.of(at + "procedureCode", "PROCEDURE_ABOLISHED", "Procedure " + procedure.nationalCode()
                        + " was abolished and takes no new dossiers"));
                return null;
            }
        }
        SyncItem.Facts sentFacts = item.facts() == null ? NO_FACTS : item.facts();
        if (sentFacts.resultSyncedToCitizenStore()
                && !((state.status() == DossierStatus.RESOLVED || state.status() == DossierStatus.RETURNED) && state.digitisedResult())) {
            errors.add(UserError.of(at + "resultSyncedToCitizenStore", "ELECTRONIC_RESULT_REQUIRED",
                    "Only a dossier resolved with an electronic result (digitisedResult) can have its result synchronised to the applicant's data store"));
            return null;
        }
        SyncItem.Facts facts = sentFacts.withFee(sentFacts.feeAmount() != null ? sentFacts.feeAmount()
                : existing != null ? existing.facts().feeAmount() : procedure.fee());
        Map<String, Object> factsChanged = factsChanged(existing == null ? null : existing.facts(), facts);
        SyncItem.Applicant a = item.applicant();
        DossierRow row = new DossierRow(existing == null ? 0 : existing.id(), code, procedure.id(), unit.id(), a.kind(), a.name().strip(),
                trim(a.identityNumber()), trim(a.phone()), trim(a.address()), item.channel(), Boolean.TRUE.equals(item.onlinePayment()),
                Boolean.TRUE.equals(item.digitisedDossier()), state, source, externalId, facts);
        List<EventRow> events = new ArrayList<>();
        int seq = known;
        for (DossierReplay.Applied applied : replay.applied()) {
            seq++;
            Map<String, Object> details = new LinkedHashMap<>();
            if (applied.event().transition() == Transition.RECEIVE) {
                details.put("channel", item.channel());
            }
            details.putAll(applied.details());
            details.put("source", source);
            events.add(new EventRow(row.id(), seq, applied.event().transition().name(), applied.from() == null ? null : applied.from().name(),
                    applied.to().name(), applied.event().at(), unit.id(), partner.username(), trim(applied.event().reason()),
                    json.writeValueAsString(details)));
        }
        boolean dataChanged = existing == null || !Objects.equals(existing.applicantKind(), row.applicantKind())
                || !Objects.equals(existing.applicantName(), row.applicantName())
                || !Objects.equals(existing.identityNumber(), row.identityNumber()) || !Objects.equals(existing.phone(), row.phone())
                || !Objects.equals(existing.address(), row.address()) || !Objects.equals(existing.channel(), row.channel())
                || existing.onlinePayment() != row.onlinePayment() || existing.digitisedDossier() != row.digitisedDossier()
                || !factsChanged.isEmpty();
        SyncOutcome outcome = existing == null ? SyncOutcome.CREATED : events.isEmpty() && !dataChanged ? SyncOutcome.UNCHANGED : SyncOutcome.UPDATED;
        return new Plan(index, item, row, existing == null, events, outcome, factsChanged);
    }

    /** Gives new dossiers their ids (one statement for the batch). */
    private List<Plan> assignIds(List<Plan> plans) {
        List<Long> ids = repository.nextIds((int) plans.stream().filter(Plan::isNew).count());
        List<Plan> assigned = new ArrayList<>(plans.size());
        int next = 0;
        for (Plan p : plans) {
            if (!p.isNew()) {
                assigned.add(p);
                continue;
            }
            long id = ids.get(next++);
            DossierRow r = p.row();
            DossierRow row = new DossierRow(id, r.receiptCode(), r.procedureId(), r.unitId(), r.applicantKind(), r.applicantName(),
                    r.identityNumber(), r.phone(), r.address(), r.channel(), r.onlinePayment(), r.digitisedDossier(), r.state(), r.source(),
                    r.externalId(), r.facts());
            List<EventRow> events = p.events().stream().map(e -> new EventRow(id, e.seq(), e.transition(), e.fromStatus(), e.toStatus(),
                    e.at(), e.unitId(), e.actor(), e.reason(), e.detailsJson())).toList();
            assigned.add(new Plan(p.index(), p.item(), row, true, events, p.outcome(), p.factsChanged()));
        }
        return assigned;
    }

    /** All plans in a few statements; should that fail, each plan under its own savepoint. */
    private void write(List<Plan> plans, String source, SyncReport.Result[] results, List<UserError> errors) {
        if (plans.isEmpty()) {
            return;
        }
        TransactionStatus tx = TransactionAspectSupport.currentTransactionStatus();
        Object all = tx.createSavepoint();
        try {
            writeNow(plans, source);
            tx.releaseSavepoint(all);
            plans.forEach(p -> results[p.index()] = stored(p));
            return;
        } catch (DataAccessException e) {
            tx.rollbackToSavepoint(all);
            tx.releaseSavepoint(all);
            log.info("Bulk write of a sync batch of {} failed ({}); writing its items one by one", plans.size(), e.getMostSpecificCause().getMessage());
        }
        for (Plan p : plans) {
            Object one = tx.createSavepoint();
            try {
                writeNow(List.of(p), source);
                tx.releaseSavepoint(one);
                results[p.index()] = stored(p);
            } catch (DataAccessException e) {
                tx.rollbackToSavepoint(one);
                tx.releaseSavepoint(one);
                errors.add(UserError.of("items." + p.index(), "CONFLICT", "Dossier " + p.row().externalId()
                        + " could not be stored: " + e.getMostSpecificCause().getMessage()));
                results[p.index()] = rejected(p.index(), p.item(), null);
            }
        }
    }

    private void writeNow(List<Plan> plans, String source) {
        repository.insertDossiers(plans.stream().filter(Plan::isNew).map(Plan::row).toList());
        repository.updateDossiers(plans.stream().filter(p -> !p.isNew()).map(Plan::row).toList());
        repository.insertEvents(plans.stream().flatMap(p -> p.events().stream()).toList());
        audit.recordAll("dossier.sync", "Dossier", plans.stream().map(p -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", source);
            details.put("externalId", p.row().externalId());
            details.put("outcome", p.outcome().name());
            details.put("eventsAppended", p.events().size());
            details.put("status", p.row().state().status().name());
            details.put("dueDate", p.row().state().dueDate().toString());
            if (!p.factsChanged().isEmpty()) {
                details.put("facts", p.factsChanged());
            }
            return new AuditLog.Entry(p.row().receiptCode(), details);
        }).toList());
    }

    private static SyncReport.Result stored(Plan p) {
        return new SyncReport.Result(p.index(), p.row().externalId(), p.outcome(), p.row().id(), p.row().state().status(), p.events().size());
    }

    private static SyncReport.Result rejected(int index, SyncItem item, StoredDossier existing) {
        return new SyncReport.Result(index, item.externalId() == null ? "" : item.externalId(), SyncOutcome.REJECTED,
                existing == null ? null : existing.id(), existing == null ? null : existing.state().status(), 0);
    }

    /** The procedure of that national code in the catalogue of the unit or the nearest unit above it. */
    private static ProcedureRow procedureOf(List<ProcedureRow> candidates, UnitRow unit) {
        if (candidates == null) {
            return null;
        }
        return candidates.stream().filter(p -> unit.path().startsWith(p.ownerPath()))
                .max(java.util.Comparator.comparingInt(p -> p.ownerPath().length())).orElse(null);
    }

    private List<String> writeRootPaths(CurrentUser partner) {
        if (partner.partnerWriteUnits().contains(CurrentUser.ALL_UNITS)) {
            return List.of("/");
        }
        return repository.unitsByCodes(partner.partnerWriteUnits()).stream().map(UnitRow::path).toList();
    }

    private static final SyncItem.Facts NO_FACTS = new SyncItem.Facts(null, false, false, false, false, false, false);

    private static void validateFacts(SyncItem item, String at, List<UserError> errors) {
        SyncItem.Facts facts = item.facts() == null ? NO_FACTS : item.facts();
        if (facts.feeAmount() != null && facts.feeAmount() < 0) {
            errors.add(UserError.of(at + "feeAmount", "NEGATIVE", "A fee cannot be negative"));
        }
        if (facts.certifiedCopyElectronic() && !facts.certifiedCopyRequested()) {
            errors.add(UserError.of(at + "certifiedCopyElectronic", "CERTIFIED_COPY_NOT_REQUESTED",
                    "An electronic certified copy needs a certified copy to be requested"));
        }
    }

    /** The facts that differ from those stored (for a new dossier: the facts that hold), by input field name. */
    private static Map<String, Object> factsChanged(SyncItem.Facts known, SyncItem.Facts sent) {
        SyncItem.Facts stored = known != null ? known : NO_FACTS.withFee(sent.feeAmount());
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!Objects.equals(stored.feeAmount(), sent.feeAmount())) changed.put("feeAmount", sent.feeAmount());
        if (stored.syncedToNationalPortal() != sent.syncedToNationalPortal()) {
            changed.put("syncedToNationalPortal", sent.syncedToNationalPortal());
        }
        if (stored.certifiedCopyRequested() != sent.certifiedCopyRequested()) {
            changed.put("certifiedCopyRequested", sent.certifiedCopyRequested());
        }
        if (stored.certifiedCopyElectronic() != sent.certifiedCopyElectronic()) {
            changed.put("certifiedCopyElectronic", sent.certifiedCopyElectronic());
        }
        if (stored.reusedDigitisedData() != sent.reusedDigitisedData()) {
            changed.put("reusedDigitisedData", sent.reusedDigitisedData());
        }
        if (stored.usedPopulationData() != sent.usedPopulationData()) {
            changed.put("usedPopulationData", sent.usedPopulationData());
        }
        if (stored.resultSyncedToCitizenStore() != sent.resultSyncedToCitizenStore()) {
            changed.put("resultSyncedToCitizenStore", sent.resultSyncedToCitizenStore());
        }
        return changed;
    }

    private static void validateApplicant(SyncItem item, String at, List<UserError> errors) {
        SyncItem.Applicant a = item.applicant();
        if (a == null) {
            errors.add(UserError.of(at + "applicant", "REQUIRED", "Give the applicant"));
            return;
        }
        String p = at + "applicant.";
        if (a.kind() == null || !KINDS.contains(a.kind())) {
            errors.add(UserError.of(p + "kind", "INVALID", "The applicant is a PERSON or an ORGANISATION"));
        }
        String name = trim(a.name());
        if (name == null) {
            errors.add(UserError.of(p + "name", "REQUIRED", "Enter the applicant's name"));
        } else if (name.length() > 200) {
            errors.add(UserError.of(p + "name", "TOO_LONG", "The applicant's name is longer than 200 characters"));
        }
        String identity = trim(a.identityNumber());
        if (identity != null && "PERSON".equals(a.kind()) && !PERSON_ID.matcher(identity).matches()) {
            errors.add(UserError.of(p + "identityNumber", "INVALID", "A citizen identity number has 12 digits (an old identity card 9)"));
        }
        if (identity != null && "ORGANISATION".equals(a.kind()) && !TAX_CODE.matcher(identity).matches()) {
            errors.add(UserError.of(p + "identityNumber", "INVALID", "A tax code has 10 digits, optionally followed by -NNN, or 13 digits"));
        }
        String phone = trim(a.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(UserError.of(p + "phone", "INVALID", "A telephone number has 8 to 15 digits"));
        }
        String address = trim(a.address());
        if (address != null && address.length() > 500) {
            errors.add(UserError.of(p + "address", "TOO_LONG", "The address is longer than 500 characters"));
        }
    }

    /** The item an error is about, from its path {@code input.items.<n>...}; -1 for the batch. */
    private static int itemIndex(UserError error) {
        List<String> path = error.field();
        return path != null && path.size() > 2 && path.get(1).equals("items") ? Integer.parseInt(path.get(2)) : -1;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
