package app.lantern.inspection.finding;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingDays;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.inspection.finding.internal.FindingRepository.PlanState;
import app.lantern.inspection.sampling.DossierSample;
import app.lantern.inspection.sampling.DossierSampling;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Recording findings and following their recommendations up. The team records, changes and
 * withdraws findings while the plan is in fieldwork; once it is concluded the responsible unit's
 * head answers each recommendation, the team verifies or reopens, and the lead may waive one. Each
 * change is one transaction: plan and finding locked (plan first), the version the caller read
 * checked, the rules consulted, then the change written with an audit record. A refused change
 * stores nothing and answers with user errors naming the field.
 */
@Service
public class FindingWorkflow {

    static final int MAX_TEXT = 10_000;
    static final int MAX_NOTE = 2_000;

    private final FindingRepository repository;
    private final DossierSampling sampling;
    private final AuditLog audit;
    private final Clock clock;

    FindingWorkflow(FindingRepository repository, DossierSampling sampling, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.sampling = sampling;
        this.audit = audit;
        this.clock = clock;
    }

    /** A piece of evidence as the client sent it. */
    public record EvidenceInput(String kind, String dossierId, String procedureId, String sampleId, Integer sampleOrdinal,
                                String documentId, String note) {
    }

    /** A finding's content as the client sent it; {@code unitId} only when recording. */
    public record Draft(String unitId, String category, String severity, String description, List<String> responsibleOfficialIds,
                        List<EvidenceInput> evidence, String recommendation, LocalDate remediationDeadline) {
    }

    // ------------------------------------------------------------------ fieldwork: the team

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome record(String planId, Draft draft) {
        Caller caller = Caller.current();
        Optional<PlanState> plan = decode(planId, "InspectionPlan").flatMap(k -> repository.lockPlan(k, caller.username(), true))
                .filter(p -> p.role() != null);
        if (plan.isEmpty()) {
            return FindingOutcome.refused(UserError.of("planId", "NOT_FOUND", "No plan of your teams with this ID"));
        }
        Optional<UserError> state = inFieldwork(plan.get());
        if (state.isPresent()) {
            return FindingOutcome.refused(state.get());
        }
        List<UserError> errors = new ArrayList<>();
        Long unit = null;
        Optional<Long> unitKey = decode(draft.unitId(), "Unit");
        if (unitKey.isEmpty()) {
            errors.add(UserError.of("unitId", "NOT_FOUND", "No unit with ID " + draft.unitId()));
        } else if (!repository.underTargets(plan.get().key(), unitKey.get())) {
            errors.add(UserError.of("unitId", "NOT_A_TARGET", "The responsible unit must be a target of plan " + plan.get().number()
                    + " or a unit within a target"));
        } else {
            unit = unitKey.get();
        }
        Checked checked = check(plan.get(), draft, unit, caller, errors);
        if (!errors.isEmpty()) {
            return refuse(errors);
        }
        Instant now = clock.instant();
        long id = repository.insert(plan.get().key(), checked.content(unit), caller.username(), caller.displayName(), now);
        repository.replaceEvidence(id, checked.evidence(id), now);
        repository.replaceOfficials(id, checked.officials(), now);
        Finding finding = repository.byId(id, caller).orElseThrow();
        audit.record("finding.record", "Finding", ref(plan.get(), finding), details(finding, checked));
        return new FindingOutcome(finding, List.of());
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome update(String findingId, int version, Draft draft) {
        return change(findingId, version, Side.TEAM, (plan, finding, caller) -> {
            Optional<UserError> state = inFieldwork(plan).or(() -> recorded(finding));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            List<UserError> errors = new ArrayList<>();
            Checked checked = check(plan, draft, finding.unitId(), caller, errors);
            if (!errors.isEmpty()) {
                return errors;
            }
            Map<String, Object> before = content(finding.category(), finding.severity(), finding.description(), finding.recommendation(),
                    finding.remediationDeadline(), repository.officialsOf(List.of(finding.key())).getOrDefault(finding.key(), List.of()),
                    repository.evidenceOf(List.of(finding.key())));
            if (!repository.update(finding.key(), checked.content(finding.unitId()), version)) {
                return List.of(stale(plan, finding));
            }
            Instant now = clock.instant();
            repository.replaceEvidence(finding.key(), checked.evidence(finding.key()), now);
            repository.replaceOfficials(finding.key(), checked.officials(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("number", finding.number());
            details.put("unitId", finding.unitId());
            details.put("before", before);
            details.put("after", content(checked));
            audit.record("finding.update", "Finding", ref(plan, finding), details);
            return List.of();
        });
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome withdraw(String findingId, int version, String reason) {
        return change(findingId, version, Side.TEAM, (plan, finding, caller) -> {
            Optional<UserError> state = inFieldwork(plan).or(() -> recorded(finding)).or(() -> specific(reason, "reason for the withdrawal"));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            if (!repository.setStatus(finding.key(), "WITHDRAWN", reason.strip(), finding.recommendationStatus(), version)) {
                return List.of(stale(plan, finding));
            }
            audit.record("finding.withdraw", "Finding", ref(plan, finding), Map.of("reason", reason.strip()));
            return List.of();
        });
    }

    // ------------------------------------------------------------------ follow-up

    /** The unit's answers: a remediation plan first, then progress updates and finally "done". */
    private static final Set<String> UNIT_ANSWERS = Set.of("PLAN", "PROGRESS", "DONE");

    @Transactional
    @PreAuthorize(Access.UNIT_STAFF)
    public FindingOutcome respond(String findingId, int version, String kind, String text) {
        return change(findingId, version, Side.UNIT, (plan, finding, caller) -> {
            if (!UNIT_ANSWERS.contains(kind)) {
                return List.of(UserError.of("kind", "NOT_A_UNIT_ANSWER", "A unit answers with PLAN, PROGRESS or DONE, not " + kind));
            }
            Optional<UserError> state = inFollowUp(plan).or(() -> specific(text, "answer"));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            String to = switch (finding.recommendationStatus()) {
                case "OPEN" -> "PLAN".equals(kind) ? "IN_REMEDIATION" : null;
                case "IN_REMEDIATION" -> switch (kind) {
                    case "PROGRESS" -> "IN_REMEDIATION";
                    case "DONE" -> "REPORTED_DONE";
                    default -> null;
                };
                default -> null;
            };
            if (to == null) {
                return List.of(switch (finding.recommendationStatus()) {
                    case "OPEN" -> UserError.of("kind", "PLAN_FIRST",
                            "Answer finding " + finding.number() + " with a remediation plan (PLAN) first");
                    case "IN_REMEDIATION" -> UserError.of("kind", "PLAN_GIVEN",
                            "Finding " + finding.number() + " has a remediation plan already: report PROGRESS or DONE");
                    default -> UserError.general("NOT_AWAITING_ANSWER", "The recommendation of finding " + finding.number() + " is "
                            + finding.recommendationStatus() + ": it awaits no answer from the unit");
                });
            }
            return follow(plan, finding, version, "recommendation.respond", kind, text, to, caller);
        });
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome verify(String findingId, int version, String note) {
        return change(findingId, version, Side.TEAM, (plan, finding, caller) -> {
            Optional<UserError> state = inFollowUp(plan).or(() -> recorded(finding)).or(() -> specific(note, "verification note"));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            if (!"REPORTED_DONE".equals(finding.recommendationStatus())) {
                return List.of(UserError.general("NOT_REPORTED_DONE", "The unit has not reported the remediation of finding "
                        + finding.number() + " done (it is " + finding.recommendationStatus() + ")"));
            }
            return follow(plan, finding, version, "recommendation.verify", "VERIFIED", note, "VERIFIED", caller);
        });
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome reopen(String findingId, int version, String reason) {
        return change(findingId, version, Side.TEAM, (plan, finding, caller) -> {
            Optional<UserError> state = inFollowUp(plan).or(() -> recorded(finding)).or(() -> specific(reason, "reason for reopening"));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            if (!Set.of("REPORTED_DONE", "VERIFIED").contains(finding.recommendationStatus())) {
                return List.of(UserError.general("NOT_REOPENABLE", "Only a recommendation reported done or verified can be reopened;"
                        + " finding " + finding.number() + " is " + finding.recommendationStatus()));
            }
            return follow(plan, finding, version, "recommendation.reopen", "REOPENED", reason, "IN_REMEDIATION", caller);
        });
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public FindingOutcome waive(String findingId, int version, String reason) {
        return change(findingId, version, Side.TEAM, (plan, finding, caller) -> {
            if (!plan.lead()) {
                throw new AccessDeniedException("Only the lead of plan " + plan.number() + " may waive a recommendation");
            }
            Optional<UserError> state = inFollowUp(plan).or(() -> recorded(finding)).or(() -> specific(reason, "reason for the waiver"));
            if (state.isPresent()) {
                return List.of(state.get());
            }
            if (Finding.SETTLED.contains(finding.recommendationStatus())) {
                return List.of(UserError.general("ALREADY_SETTLED", "The recommendation of finding " + finding.number() + " is "
                        + finding.recommendationStatus() + " already"));
            }
            return follow(plan, finding, version, "recommendation.waive", "WAIVED", reason, "WAIVED", caller);
        });
    }

    private List<UserError> follow(PlanState plan, Finding finding, int version, String action, String kind, String text, String to,
                                   Caller caller) {
        if (!repository.setStatus(finding.key(), finding.status(), finding.withdrawalReason(), to, version)) {
            return List.of(stale(plan, finding));
        }
        repository.addFollowUp(finding.key(), kind, text.strip(), caller.username(), caller.displayName(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("from", finding.recommendationStatus());
        details.put("to", to);
        details.put("text", text.strip());
        audit.record(action, "Finding", ref(plan, finding), details);
        return List.of();
    }

    // ------------------------------------------------------------------ machinery

    /** Who acts: the plan's team, or the head of a unit whose part of the plan it is. */
    private enum Side { TEAM, UNIT }

    private interface Change {
        /** Writes the change and returns no errors, or returns the user errors that refuse it. */
        List<UserError> apply(PlanState plan, Finding finding, Caller caller);
    }

    private FindingOutcome change(String findingId, int version, Side side, Change change) {
        Caller caller = Caller.current();
        Optional<Finding> seen = decode(findingId, "Finding").flatMap(k -> repository.byId(k, caller));
        // the plan first, then the finding: the order every change and lifecycle step locks in
        Optional<PlanState> plan = seen.flatMap(f -> repository.lockPlan(f.planId(), caller.username(), false))
                .filter(p -> side == Side.UNIT || p.role() != null);
        Optional<Finding> found = plan.flatMap(p -> repository.lockById(seen.get().key(), caller));
        if (found.isEmpty()) {
            return FindingOutcome.refused(UserError.of("findingId", "NOT_FOUND", side == Side.TEAM
                    ? "No finding of your teams' plans with this ID" : "No finding of your unit with this ID"));
        }
        Finding finding = found.get();
        if (finding.version() != version) {
            return FindingOutcome.refused(stale(plan.get(), finding));
        }
        List<UserError> errors = change.apply(plan.get(), finding, caller);
        if (!errors.isEmpty()) {
            return refuse(errors);
        }
        return new FindingOutcome(repository.byId(finding.key(), caller).orElse(null), List.of());
    }

    private static FindingOutcome refuse(List<UserError> errors) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return FindingOutcome.refused(errors);
    }

    private static UserError stale(PlanState plan, Finding finding) {
        return UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed finding " + finding.number() + " of plan "
                + plan.number() + " since you read it. Reload it and try again.");
    }

    private static Optional<UserError> inFieldwork(PlanState plan) {
        return "IN_PROGRESS".equals(plan.status()) ? Optional.empty() : Optional.of(UserError.general("PLAN_NOT_IN_PROGRESS",
                "Plan " + plan.number() + " is " + plan.status() + ": findings are recorded and changed during fieldwork only"));
    }

    private static Optional<UserError> inFollowUp(PlanState plan) {
        return Set.of("CONCLUDED", "FOLLOW_UP").contains(plan.status()) ? Optional.empty() : Optional.of(UserError.general(
                "PLAN_NOT_IN_FOLLOW_UP", "Plan " + plan.number() + " is " + plan.status()
                        + ": recommendations are followed up once it is concluded and until it is closed"));
    }

    private static Optional<UserError> recorded(Finding finding) {
        return finding.recorded() ? Optional.empty() : Optional.of(UserError.general("FINDING_WITHDRAWN",
                "Finding " + finding.number() + " was withdrawn"));
    }

    /**
     * A text that says something: required, more than one word, at most {@value #MAX_TEXT}
     * characters. "OK", "Done" or "Xong" tell the other side nothing.
     */
    static Optional<UserError> specific(String text, String what) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Optional.of(UserError.of("text", "REQUIRED", "Write the " + what));
        }
        if (value.split("\\s+").length < 2) {
            return Optional.of(UserError.of("text", "NOT_SPECIFIC", "\"" + value + "\" says too little: write the " + what
                    + " in a sentence, specific enough for the other side to act on"));
        }
        if (value.length() > MAX_TEXT) {
            return Optional.of(UserError.of("text", "TOO_LONG", "The " + what + " is longer than " + MAX_TEXT + " characters"));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ checking a finding's content

    /** The content of a draft that passed the checks. */
    private record Checked(String category, String severity, String description, String recommendation, LocalDate deadline,
                           List<Long> officials, List<FindingEvidence> evidence) {

        FindingRepository.Content content(long unitId) {
            return new FindingRepository.Content(unitId, category, severity, description, recommendation, deadline);
        }

        List<FindingEvidence> evidence(long findingId) {
            return evidence.stream().map(e -> new FindingEvidence(findingId, e.ordinal(), e.kind(), e.dossierId(), e.procedureId(),
                    e.sampleId(), e.sampleOrdinal(), e.documentId(), e.note())).toList();
        }
    }

    /** The id fields an evidence kind needs, in the input's field names. */
    private static final Map<String, List<String>> EVIDENCE_IDS = Map.of(
            "DOSSIER", List.of("dossierId"),
            "PROCEDURE", List.of("procedureId"),
            "SAMPLE_ITEM", List.of("sampleId", "sampleOrdinal"),
            "DOCUMENT", List.of("documentId"));

    /** Checks a draft; {@code unit} is null when the unit itself was refused (subtree checks are then skipped). */
    private Checked check(PlanState plan, Draft d, Long unit, Caller caller, List<UserError> errors) {
        String description = text(d.description(), "description", "what was found", errors);
        String recommendation = text(d.recommendation(), "recommendation", "what the unit must do", errors);
        LocalDate today = LocalDate.now(clock.withZone(WorkingDays.ZONE));
        if (d.remediationDeadline() == null) {
            errors.add(UserError.of("remediationDeadline", "REQUIRED", "Set the remediation deadline"));
        } else if (!d.remediationDeadline().isAfter(today)) {
            errors.add(UserError.of("remediationDeadline", "NOT_AFTER_TODAY", "The remediation deadline must be after today (" + today + ")"));
        }
        List<Long> officials = officials(d.responsibleOfficialIds(), unit, errors);
        List<FindingEvidence> evidence = evidence(plan, d.evidence(), unit, caller, errors);
        return new Checked(d.category(), d.severity(), description, recommendation, d.remediationDeadline(), officials, evidence);
    }

    private static String text(String value, String field, String what, List<UserError> errors) {
        String v = trim(value);
        if (v == null) {
            errors.add(UserError.of(field, "REQUIRED", "Write " + what));
        } else if (v.length() > MAX_TEXT) {
            errors.add(UserError.of(field, "TOO_LONG", "The " + field + " is longer than " + MAX_TEXT + " characters"));
        }
        return v;
    }

    private List<Long> officials(List<String> ids, Long unit, List<UserError> errors) {
        List<String> given = ids == null ? List.of() : ids;
        Map<Integer, Long> keys = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Optional<Long> key = decode(given.get(i), "Official");
            if (key.isEmpty()) {
                errors.add(UserError.of("responsibleOfficialIds." + i, "NOT_FOUND", "No official with ID " + given.get(i)));
            } else if (!seen.add(key.get())) {
                errors.add(UserError.of("responsibleOfficialIds." + i, "DUPLICATE", "This official is named twice"));
            } else {
                keys.put(i, key.get());
            }
        }
        if (unit == null) {
            return List.of();
        }
        Map<Long, Boolean> under = repository.officialsUnder(keys.values(), unit);
        keys.forEach((i, key) -> {
            if (!under.containsKey(key)) {
                errors.add(UserError.of("responsibleOfficialIds." + i, "NOT_FOUND", "No official with ID " + given.get(i)));
            } else if (!under.get(key)) {
                errors.add(UserError.of("responsibleOfficialIds." + i, "NOT_OF_UNIT",
                        "This official does not work in the responsible unit or a unit within it"));
            }
        });
        return List.copyOf(keys.values());
    }

    private List<FindingEvidence> evidence(PlanState plan, List<EvidenceInput> given, Long unit, Caller caller, List<UserError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(UserError.of("evidence", "REQUIRED", "Link at least one piece of evidence"));
            return List.of();
        }
        List<FindingEvidence> result = new ArrayList<>();
        Map<Integer, Long> dossiers = new LinkedHashMap<>();
        Map<Integer, Long> procedures = new LinkedHashMap<>();
        Map<Integer, Long> documents = new LinkedHashMap<>();
        Map<Integer, DossierSample.ItemRef> sampleItems = new LinkedHashMap<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            EvidenceInput e = given.get(i);
            String at = "evidence." + i + ".";
            Map<String, Object> ids = new LinkedHashMap<>();
            ids.put("dossierId", e.dossierId());
            ids.put("procedureId", e.procedureId());
            ids.put("sampleId", e.sampleId());
            ids.put("sampleOrdinal", e.sampleOrdinal());
            ids.put("documentId", e.documentId());
            List<String> needed = EVIDENCE_IDS.get(e.kind());
            boolean complete = true;
            for (Map.Entry<String, Object> id : ids.entrySet()) {
                boolean present = id.getValue() != null && !(id.getValue() instanceof String s && s.isBlank());
                if (needed.contains(id.getKey()) && !present) {
                    errors.add(UserError.of(at + id.getKey(), "REQUIRED", kindName(e.kind()) + " evidence needs " + id.getKey()));
                    complete = false;
                } else if (!needed.contains(id.getKey()) && present) {
                    errors.add(UserError.of(at + id.getKey(), "NOT_FOR_KIND", kindName(e.kind()) + " evidence takes no " + id.getKey()));
                    complete = false;
                }
            }
            String note = trim(e.note());
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(UserError.of(at + "note", "TOO_LONG", "The note is longer than " + MAX_NOTE + " characters"));
            }
            if (!complete) {
                continue;
            }
            Long dossier = null;
            Long procedure = null;
            Long document = null;
            DossierSample.ItemRef item = null;
            switch (e.kind()) {
                case "DOSSIER" -> dossier = key(e.dossierId(), "Dossier", at + "dossierId", errors, dossiers, i);
                case "PROCEDURE" -> procedure = key(e.procedureId(), "Procedure", at + "procedureId", errors, procedures, i);
                case "DOCUMENT" -> document = key(e.documentId(), "EvidenceDocument", at + "documentId", errors, documents, i);
                default -> {
                    Optional<Long> sample = decode(e.sampleId(), "DossierSample");
                    if (sample.isEmpty()) {
                        errors.add(UserError.of(at + "sampleId", "NOT_FOUND", "No sample of plan " + plan.number() + " with ID "
                                + e.sampleId()));
                    } else {
                        item = new DossierSample.ItemRef(sample.get(), e.sampleOrdinal());
                        sampleItems.put(i, item);
                    }
                }
            }
            Object target = dossier != null ? dossier : procedure != null ? procedure : document != null ? document : item;
            if (target != null && !distinct.add(e.kind() + ":" + target)) {
                errors.add(UserError.of(at + EVIDENCE_IDS.get(e.kind()).getLast(), "DUPLICATE", "This evidence is linked twice"));
            }
            result.add(new FindingEvidence(0, i + 1, e.kind(), dossier, procedure, item == null ? null : item.sampleId(),
                    item == null ? null : item.ordinal(), document, note));
        }
        // a sample item's dossier is evidence of the unit like a dossier linked directly: checked by the same rule, and stored
        Map<Integer, Long> sampled = sampledDossiers(plan, sampleItems, errors);
        result.replaceAll(e -> e.sampleId() == null || !sampled.containsKey(e.ordinal() - 1) ? e : new FindingEvidence(0, e.ordinal(),
                e.kind(), sampled.get(e.ordinal() - 1), null, e.sampleId(), e.sampleOrdinal(), null, e.note()));
        if (unit != null && (!dossiers.isEmpty() || !sampled.isEmpty())) {
            List<Long> all = new ArrayList<>(dossiers.values());
            all.addAll(sampled.values());
            Map<Long, Boolean> under = repository.dossiersUnder(all, unit);
            dossiers.forEach((i, key) -> {
                if (!under.containsKey(key)) {
                    errors.add(UserError.of("evidence." + i + ".dossierId", "NOT_FOUND", "No dossier with ID " + given.get(i).dossierId()));
                } else if (!under.get(key)) {
                    errors.add(UserError.of("evidence." + i + ".dossierId", "NOT_OF_UNIT",
                            "This dossier was not handled by the responsible unit or a unit within it"));
                }
            });
            sampled.forEach((i, key) -> {
                if (!Boolean.TRUE.equals(under.get(key))) {
                    errors.add(UserError.of("evidence." + i + ".sampleOrdinal", "NOT_OF_UNIT",
                            "The dossier of this sample item was not handled by the responsible unit or a unit within it"));
                }
            });
        }
        if (!procedures.isEmpty()) {
            Set<Long> existing = repository.existingProcedures(procedures.values());
            procedures.forEach((i, key) -> {
                if (!existing.contains(key)) {
                    errors.add(UserError.of("evidence." + i + ".procedureId", "NOT_FOUND", "No procedure with ID " + given.get(i).procedureId()));
                }
            });
        }
        if (!documents.isEmpty()) {
            Map<Long, EvidenceDocument> visible = repository.documentsByIds(documents.values(), caller);
            documents.forEach((i, key) -> {
                if (!visible.containsKey(key)) {
                    errors.add(UserError.of("evidence." + i + ".documentId", "NOT_FOUND", "No document you uploaded or may see with ID "
                            + given.get(i).documentId()));
                }
            });
        }
        return result;
    }

    /**
     * The dossier of each sample item named (by input index): the sample must be one drawn for
     * {@code plan}, and hold an item at the ordinal given; otherwise a user error on the field at fault.
     */
    private Map<Integer, Long> sampledDossiers(PlanState plan, Map<Integer, DossierSample.ItemRef> refs, List<UserError> errors) {
        Map<Integer, Long> result = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return result;
        }
        DossierSampling.PlanItems found = sampling.itemsOfPlan(plan.key(), List.copyOf(refs.values()));
        refs.forEach((i, ref) -> {
            if (!found.samples().contains(ref.sampleId())) {
                errors.add(UserError.of("evidence." + i + ".sampleId", "NOT_FOUND", "No sample of plan " + plan.number() + " with ID "
                        + NodeId.encode("DossierSample", ref.sampleId())));
            } else if (!found.items().containsKey(ref)) {
                errors.add(UserError.of("evidence." + i + ".sampleOrdinal", "NOT_FOUND", "The sample has no item " + ref.ordinal()));
            } else {
                result.put(i, found.items().get(ref).dossierId());
            }
        });
        return result;
    }

    private static Long key(String id, String type, String field, List<UserError> errors, Map<Integer, Long> into, int index) {
        Optional<Long> key = decode(id, type);
        if (key.isEmpty()) {
            errors.add(UserError.of(field, "NOT_FOUND", "No " + type.toLowerCase(Locale.ROOT) + " with ID " + id));
            return null;
        }
        into.put(index, key.get());
        return key.get();
    }

    private static String kindName(String kind) {
        return kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Map<String, Object> details(Finding finding, Checked checked) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", finding.number());
        details.put("unitId", finding.unitId());
        details.putAll(content(checked));
        return details;
    }

    private static Map<String, Object> content(Checked c) {
        return content(c.category(), c.severity(), c.description(), c.recommendation(), c.deadline(), c.officials(), c.evidence());
    }

    /** A finding's content as the audit log keeps it: every field a change may overwrite, so that earlier wording is recoverable. */
    private static Map<String, Object> content(String category, String severity, String description, String recommendation,
                                               LocalDate deadline, List<Long> officials, List<FindingEvidence> evidence) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("category", category);
        content.put("severity", severity);
        content.put("description", description);
        content.put("recommendation", recommendation);
        content.put("remediationDeadline", String.valueOf(deadline));
        content.put("officials", officials);
        content.put("evidence", evidence.stream().map(e -> {
            String target = e.sampleId() != null ? e.sampleId() + "#" + e.sampleOrdinal() : e.dossierId() != null ? "" + e.dossierId()
                    : e.procedureId() != null ? "" + e.procedureId() : "" + e.documentId();
            return e.kind() + ":" + target + (e.note() == null ? "" : " (" + e.note() + ")");
        }).toList());
        return content;
    }

    /** The audit log's name for a finding: plan number and finding number. */
    private static String ref(PlanState plan, Finding finding) {
        return plan.number() + "#" + finding.number();
    }

    static Optional<Long> decode(String id, String type) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NodeId.longKey(id, type));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
