package app.lantern.inspection.selfreport;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.CatalogueService;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.InspectionPlans;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.PlanStatus;
import app.lantern.inspection.internal.PlanRepository;
import app.lantern.inspection.internal.PlanRepository.Viewer;
import app.lantern.inspection.selfreport.ReportLifecycle.Status;
import app.lantern.inspection.selfreport.ReportLifecycle.Step;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.ObjectMapper;

/**
 * Self-inspection reports. A target unit's head reads their unit's report (created as an empty
 * draft on first read once the plan is approved), saves and submits it while the plan is approved
 * or in fieldwork; a submission after the plan's self-report due date (Vietnam time) is recorded as
 * late. The plan's team sees reports once submitted; team members
 * return them with a reason or accept them. Every change is locked, version-checked and audited.
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class SelfReports {

    private final ReportRepository reports;
    private final PlanRepository plans;
    private final InspectionPlans planReads;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final SubmissionRecorder submissions;

    SelfReports(ReportRepository reports, PlanRepository plans, InspectionPlans planReads, CatalogueService catalogue, AuditLog audit,
                Clock clock, ObjectMapper json, SubmissionRecorder submissions) {
        this.json = json;
        this.submissions = submissions;
        this.reports = reports;
        this.plans = plans;
        this.planReads = planReads;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A report mutation's result. */
    public record ReportOutcome(SelfInspectionReport report, List<UserError> userErrors) {
        static ReportOutcome refused(UserError error) {
            return new ReportOutcome(null, List.of(error));
        }
    }

    /** What a save stores, as the client sent it. */
    public record Contents(List<Difficulty> difficulties, SelfInspectionReport.LegalDocuments legalDocuments,
                           List<Proposal> simplificationProposals, String proposals) {
    }

    public record Difficulty(String category, String description) {
    }

    public record Proposal(String procedureId, String proposal) {
    }

    // ------------------------------------------------------------------ reads

    /**
     * The report of {@code unitId} for the plan: for the unit's head, created as an empty draft on
     * first read once the plan is approved; for the team, once submitted; empty
     * for everyone else.
     */
    @Transactional
    public Optional<SelfInspectionReport> report(String planId, String unitId) {
        Optional<Long> planKey = decode(planId, "InspectionPlan");
        Optional<Long> unitKey = decode(unitId, "Unit");
        if (planKey.isEmpty() || unitKey.isEmpty()) {
            return Optional.empty();
        }
        Viewer viewer = InspectionPlans.viewer();
        Optional<InspectionPlan> plan = plans.byId(planKey.get(), viewer);
        if (plan.isEmpty() || plan.get().status() == PlanStatus.DRAFT
                || !plans.targets(List.of(plan.get().key())).getOrDefault(plan.get().key(), List.of()).contains(unitKey.get())) {
            return Optional.empty();
        }
        if (ownUnits(plan.get().key(), viewer).contains(unitKey.get())) {
            if (reports.createDraft(plan.get().key(), unitKey.get(), clock.instant())) {
                audit.record("selfInspectionReport.create", "InspectionPlan", plan.get().number(),
                        Map.of("unit", unitCode(unitKey.get())));
            }
            return reports.byPlanAndUnit(plan.get().key(), unitKey.get());
        }
        if (whole(plan.get().key(), viewer)) {
            return reports.byPlanAndUnit(plan.get().key(), unitKey.get()).filter(r -> r.status() != Status.DRAFT);
        }
        return Optional.empty();
    }

    /**
     * What a unit head's unit must write or is waiting on: the report of each target unit they head of
     * every plan approved or in fieldwork (created as an empty draft when the head never opened it),
     * and every report of theirs the team has not accepted yet. Empty for anyone but a unit head.
     */
    @Transactional
    public List<SelfInspectionReport> inbox() {
        Viewer viewer = InspectionPlans.viewer();
        if (viewer.headUnitCode() == null) {
            return List.of();
        }
        for (ReportRepository.OpenTarget target : reports.openTargetsOf(viewer.headUnitCode())) {
            if (reports.createDraft(target.planId(), target.unitId(), clock.instant())) {
                audit.record("selfInspectionReport.create", "InspectionPlan", target.planNumber(), Map.of("unit", target.unitCode()));
            }
        }
        return reports.pendingOf(viewer.headUnitCode());
    }

    /** A report by id, under the same rules (never created here). */
    public Optional<SelfInspectionReport> byId(long id) {
        return reports.byId(id).filter(this::visible);
    }

    /** Reports of plans the caller was given, in unit tree order: the team's submitted ones, or a head's own. */
    public Map<Long, List<SelfInspectionReport>> ofPlans(Collection<Long> planIds) {
        Viewer viewer = InspectionPlans.viewer();
        Set<Long> whole = plans.seenWhole(planIds, viewer);
        Set<Long> own = whole.containsAll(planIds) ? Set.of() : plans.ownTargets(planIds, viewer);
        List<Long> partial = planIds.stream().filter(p -> !whole.contains(p)).toList();
        Map<Long, List<SelfInspectionReport>> result = new HashMap<>();
        planIds.forEach(p -> result.put(p, new ArrayList<>()));
        reports.ofPlans(whole, partial, own).forEach(r -> result.get(r.planId()).add(r));
        return result;
    }

    /**
     * The unit's figures for the plan's period: as they were at the latest submission for a report
     * submitted or accepted (frozen), live (the plan's statistics row of the unit) for a draft or a
     * returned report, and for a report submitted before submissions were stored.
     */
    public Map<Long, PlanStatistics> figures(Collection<SelfInspectionReport> list) {
        Map<Long, PlanStatistics> result = new HashMap<>();
        List<SelfInspectionReport> live = new ArrayList<>(list);
        List<Long> submitted = list.stream().filter(r -> r.status() == Status.SUBMITTED || r.status() == Status.ACCEPTED)
                .map(SelfInspectionReport::key).toList();
        if (!submitted.isEmpty()) {
            Map<Long, String> frozen = reports.latestSubmissions(submitted);
            frozen.forEach((report, content) -> {
                PlanStatistics figures = json.readValue(content, SelfReportSubmission.Content.class).figures();
                if (figures != null) {
                    result.put(report, figures);
                }
            });
            live.removeIf(r -> frozen.containsKey(r.key()));
        }
        result.putAll(liveFigures(live));
        return result;
    }

    /** The submissions of each report, oldest first. */
    public Map<Long, List<SelfReportSubmission>> submissions(Collection<Long> reportIds) {
        Map<Long, List<SelfReportSubmission>> result = new HashMap<>();
        reports.submissions(reportIds).forEach(s -> result.computeIfAbsent(s.reportId(), k -> new ArrayList<>()).add(
                new SelfReportSubmission(s.reportId(), s.submittedAt(), s.submittedBy(), s.late(),
                        json.readValue(s.content(), SelfReportSubmission.Content.class))));
        return result;
    }

    /** The unit's live figures for the plan's period: the plan's statistics row of the unit. */
    private Map<Long, PlanStatistics> liveFigures(Collection<SelfInspectionReport> list) {
        Map<Long, PlanStatistics> result = new HashMap<>();
        if (list.isEmpty()) {
            return result;
        }
        Map<Long, List<PlanStatistics>> rows = planReads.statistics(list.stream().map(SelfInspectionReport::planId).distinct().toList());
        for (SelfInspectionReport r : list) {
            rows.getOrDefault(r.planId(), List.of()).stream().filter(s -> Long.valueOf(r.unitId()).equals(s.unitId())).findFirst()
                    .ifPresent(s -> result.put(r.key(), s));
        }
        return result;
    }

    public Map<Long, List<SelfInspectionReport.Difficulty>> difficulties(Collection<Long> reportIds) {
        Map<Long, List<SelfInspectionReport.Difficulty>> result = new HashMap<>();
        reports.difficulties(reportIds).forEach(d -> result.computeIfAbsent(d.reportId(), k -> new ArrayList<>()).add(d));
        return result;
    }

    public Map<Long, List<SelfInspectionReport.Simplification>> simplifications(Collection<Long> reportIds) {
        Map<Long, List<SelfInspectionReport.Simplification>> result = new HashMap<>();
        reports.simplifications(reportIds).forEach(s -> result.computeIfAbsent(s.reportId(), k -> new ArrayList<>()).add(s));
        return result;
    }

    public Map<Long, InspectionPlan> plansOf(Collection<Long> planIds) {
        Map<Long, InspectionPlan> result = new HashMap<>();
        plans.byIds(planIds, InspectionPlans.viewer()).forEach(p -> result.put(p.key(), p));
        return result;
    }

    // ------------------------------------------------------------------ the unit's changes

    @Transactional
    @PreAuthorize(Access.UNIT_STAFF)
    public ReportOutcome save(String reportId, int version, Contents contents) {
        return change(reportId, version, true, null, "selfInspectionReport.save", (report, plan, details) -> {
            List<UserError> errors = new ArrayList<>();
            List<SelfInspectionReport.Difficulty> difficulties = new ArrayList<>();
            List<Difficulty> given = contents.difficulties() == null ? List.of() : contents.difficulties();
            if (given.size() > 100) {
                errors.add(UserError.of("difficulties", "TOO_MANY", "At most 100 difficulties"));
            }
            for (int i = 0; i < given.size() && i < 100; i++) {
                String text = trim(given.get(i).description());
                if (text == null) {
                    errors.add(UserError.of("difficulties." + i + ".description", "REQUIRED", "Describe difficulty " + (i + 1)));
                } else if (text.length() > 4000) {
                    errors.add(UserError.of("difficulties." + i + ".description", "TOO_LONG", "Difficulty " + (i + 1)
                            + " is longer than 4000 characters"));
                } else {
                    difficulties.add(new SelfInspectionReport.Difficulty(report.key(), i + 1, given.get(i).category(), text));
                }
            }
            SelfInspectionReport.LegalDocuments legal = contents.legalDocuments();
            checkLegal(legal, errors);
            List<Proposal> proposals = contents.simplificationProposals() == null ? List.of() : contents.simplificationProposals();
            if (proposals.size() > 100) {
                errors.add(UserError.of("simplificationProposals", "TOO_MANY", "At most 100 simplification proposals"));
            }
            List<SelfInspectionReport.Simplification> simplifications = new ArrayList<>();
            for (int i = 0; i < proposals.size() && i < 100; i++) {
                Optional<Long> procedure = decode(proposals.get(i).procedureId(), "Procedure")
                        .filter(k -> !catalogue.proceduresOfVisibleDossiers(List.of(k)).isEmpty());
                String text = trim(proposals.get(i).proposal());
                if (procedure.isEmpty()) {
                    errors.add(UserError.of("simplificationProposals." + i + ".procedureId", "NOT_FOUND",
                            "No procedure with ID " + proposals.get(i).procedureId()));
                }
                if (text == null) {
                    errors.add(UserError.of("simplificationProposals." + i + ".proposal", "REQUIRED", "Say what should change in proposal " + (i + 1)));
                } else if (text.length() > 4000) {
                    errors.add(UserError.of("simplificationProposals." + i + ".proposal", "TOO_LONG", "Proposal " + (i + 1)
                            + " is longer than 4000 characters"));
                }
                if (procedure.isPresent() && text != null) {
                    simplifications.add(new SelfInspectionReport.Simplification(report.key(), i + 1, procedure.get(), text));
                }
            }
            String text = trim(contents.proposals());
            if (text != null && text.length() > 20000) {
                errors.add(UserError.of("proposals", "TOO_LONG", "The proposals are longer than 20000 characters"));
            }
            if (!errors.isEmpty()) {
                return errors;
            }
            Instant now = clock.instant();
            reports.replaceDifficulties(report.key(), difficulties, now);
            reports.replaceSimplifications(report.key(), simplifications, now);
            details.put("content", json.valueToTree(new SelfReportSubmission.Content(legal, text, difficulties, simplifications, null)));
            return new SelfInspectionReport(report.key(), report.planId(), report.unitId(), report.status(), legal.reviewed(), legal.expired(),
                    legal.inForce(), legal.proposedForAmendment(), legal.proposedForAbolition(), text, report.submittedAt(),
                    report.submittedLate(), report.returnReason(), report.version());
        });
    }

    @Transactional
    @PreAuthorize(Access.UNIT_STAFF)
    public ReportOutcome submit(String reportId, int version) {
        return change(reportId, version, true, Step.SUBMIT, "selfInspectionReport.submit", (report, plan, details) -> {
            Instant now = clock.instant();
            LocalDate today = WorkingDays.localDate(now);
            boolean late = plan.selfReportDue() != null && today.isAfter(plan.selfReportDue());
            // what is submitted is frozen: the contents and the unit's figures as they stand now
            details.put("content", json.readTree(submissions.record(report.key(), InspectionPlans.viewer().username(), now, late)));
            return new SelfInspectionReport(report.key(), report.planId(), report.unitId(), Status.SUBMITTED, report.legalReviewed(),
                    report.legalExpired(), report.legalInForce(), report.legalAmend(), report.legalAbolish(), report.proposals(), now,
                    late, report.returnReason(), report.version());
        });
    }

    // ------------------------------------------------------------------ the team's changes

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public ReportOutcome returnToUnit(String reportId, int version, String reason) {
        String why = trim(reason);
        if (why == null || why.length() > 4000) {
            return ReportOutcome.refused(UserError.of("reason", why == null ? "REQUIRED" : "TOO_LONG",
                    why == null ? "Say what the unit must fix" : "The reason is longer than 4000 characters"));
        }
        return change(reportId, version, false, Step.RETURN, "selfInspectionReport.return", (report, plan, details) ->
                withStatus(report, Status.RETURNED, why));
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public ReportOutcome accept(String reportId, int version) {
        return change(reportId, version, false, Step.ACCEPT, "selfInspectionReport.accept", (report, plan, details) ->
                withStatus(report, Status.ACCEPTED, report.returnReason()));
    }

    // ------------------------------------------------------------------ machinery

    private interface Edit {
        /**
         * The report to store, or the user errors (a {@code List<UserError>}) that refuse the change;
         * may add to the audit record's {@code details}.
         */
        Object apply(SelfInspectionReport report, InspectionPlan plan, Map<String, Object> details);
    }

    /**
     * Locks the report, checks that the caller is its unit's head ({@code byUnit}) or on its plan's
     * team, the version, the plan's state and the lifecycle step, then stores the edit with an audit record.
     */
    private ReportOutcome change(String reportId, int version, boolean byUnit, Step step, String action, Edit edit) {
        Viewer viewer = InspectionPlans.viewer();
        Optional<SelfInspectionReport> found = decode(reportId, "SelfInspectionReport").flatMap(reports::lockById);
        Optional<InspectionPlan> plan = found.flatMap(r -> plans.byId(r.planId(), viewer));
        boolean mine = found.isPresent() && plan.isPresent() && (byUnit
                ? ownUnits(plan.get().key(), viewer).contains(found.get().unitId())
                : whole(plan.get().key(), new Viewer(viewer.username(), null)) && found.get().status() != Status.DRAFT);
        if (!mine) {
            return ReportOutcome.refused(UserError.of("reportId", "NOT_FOUND", byUnit
                    ? "No self-inspection report of your unit with this ID" : "No submitted report of your teams' plans with this ID"));
        }
        SelfInspectionReport report = found.get();
        if (report.version() != version) {
            return ReportOutcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed the report since you"
                    + " read it (your version " + version + ", now " + report.version() + "). Reload it and try again."));
        }
        if (byUnit && plan.get().status() != PlanStatus.APPROVED && plan.get().status() != PlanStatus.IN_PROGRESS) {
            return ReportOutcome.refused(UserError.general("PLAN_CLOSED_FOR_REPORTS", "Plan " + plan.get().number() + " is "
                    + plan.get().status() + ": self-inspection reports are written while it is approved or in fieldwork"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("unit", unitCode(report.unitId()));
        if (step == null) {
            if (!report.status().editable()) {
                return ReportOutcome.refused(UserError.general("REPORT_NOT_EDITABLE", "The report is " + report.status()
                        + ": the unit edits it only as a draft or once returned"));
            }
        } else {
            Optional<Status> to = ReportLifecycle.target(report.status(), step);
            if (to.isEmpty()) {
                return ReportOutcome.refused(UserError.general("TRANSITION_NOT_ALLOWED", "A report cannot "
                        + step.name().toLowerCase(java.util.Locale.ROOT) + " from " + report.status()));
            }
            details.put("from", report.status().name());
            details.put("to", to.get().name());
        }
        Object result = edit.apply(report, plan.get(), details);
        if (result instanceof List<?> errors) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            @SuppressWarnings("unchecked")
            List<UserError> userErrors = (List<UserError>) errors;
            return new ReportOutcome(null, userErrors);
        }
        SelfInspectionReport changed = (SelfInspectionReport) result;
        if (!reports.update(changed, version)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return ReportOutcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION",
                    "Someone else changed the report since you read it. Reload it and try again."));
        }
        if (step == Step.SUBMIT) {
            details.put("late", changed.submittedLate());
        } else if (step == Step.RETURN) {
            details.put("reason", changed.returnReason());
        }
        audit.record(action, "InspectionPlan", plan.get().number(), details);
        return new ReportOutcome(reports.byId(report.key()).orElseThrow(), List.of());
    }

    private static void checkLegal(SelfInspectionReport.LegalDocuments legal, List<UserError> errors) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put("expired", legal.expired());
        parts.put("inForce", legal.inForce());
        parts.put("proposedForAmendment", legal.proposedForAmendment());
        parts.put("proposedForAbolition", legal.proposedForAbolition());
        if (legal.reviewed() < 0) {
            errors.add(UserError.of("legalDocuments.reviewed", "NEGATIVE", "A count is at least 0"));
        }
        parts.forEach((name, value) -> {
            if (value < 0) {
                errors.add(UserError.of("legalDocuments." + name, "NEGATIVE", "A count is at least 0"));
            } else if (value > legal.reviewed()) {
                errors.add(UserError.of("legalDocuments." + name, "MORE_THAN_REVIEWED",
                        "More than the " + legal.reviewed() + " documents reviewed"));
            }
        });
        if (legal.expired() + legal.inForce() > legal.reviewed() && legal.expired() <= legal.reviewed() && legal.inForce() <= legal.reviewed()) {
            errors.add(UserError.of("legalDocuments.inForce", "MORE_THAN_REVIEWED",
                    "Expired and in force together are more than the " + legal.reviewed() + " documents reviewed"));
        }
    }

    private boolean visible(SelfInspectionReport r) {
        Viewer viewer = InspectionPlans.viewer();
        if (plans.byId(r.planId(), viewer).isEmpty()) {
            return false;
        }
        return ownUnits(r.planId(), viewer).contains(r.unitId()) || (whole(r.planId(), viewer) && r.status() != Status.DRAFT);
    }

    private boolean whole(long planId, Viewer viewer) {
        return plans.seenWhole(List.of(planId), viewer).contains(planId);
    }

    /** Target units of the plan that the caller heads (their unit's subtree). */
    private Set<Long> ownUnits(long planId, Viewer viewer) {
        return plans.ownTargets(List.of(planId), viewer);
    }

    private String unitCode(long unitId) {
        return catalogue.unitsByIds(List.of(unitId)).values().stream().map(u -> u.code()).findFirst().orElse(Long.toString(unitId));
    }

    private static SelfInspectionReport withStatus(SelfInspectionReport r, Status status, String returnReason) {
        return new SelfInspectionReport(r.key(), r.planId(), r.unitId(), status, r.legalReviewed(), r.legalExpired(), r.legalInForce(),
                r.legalAmend(), r.legalAbolish(), r.proposals(), r.submittedAt(), r.submittedLate(), returnReason, r.version());
    }

    private static Optional<Long> decode(String id, String type) {
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
