package app.lantern.inspection;

import app.lantern.audit.AuditLog;
import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Unit;
import app.lantern.inspection.PlanLifecycle.Transition;
import app.lantern.inspection.internal.PlanRepository;
import app.lantern.inspection.internal.PlanRepository.Viewer;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Changing plans: inspectors only, and a plan only by its team. Each change is one transaction:
 * the plan is locked, the version the caller read checked (optimistic locking), the lifecycle
 * consulted, then the plan written with an audit record. A refused change stores nothing and
 * answers with user errors; a step only the lead may take is refused as forbidden.
 */
@Service
@PreAuthorize(Access.INSPECTOR)
public class PlanWorkflow {

    private final PlanRepository repository;
    private final CatalogueService catalogue;
    private final AuditLog audit;

    PlanWorkflow(PlanRepository repository, CatalogueService catalogue, AuditLog audit) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** A plan's header and checklist as the client sent them. */
    public record Header(String title, String issuingAuthority, LocalDate issueDate, LocalDate periodFrom, LocalDate periodTo,
                         LocalDate selfReportDue, LocalDate fieldworkFrom, LocalDate fieldworkTo, LocalDate conclusionDue,
                         List<String> checklist) {
    }

    /** A team member as the client sent it. */
    public record Member(String officialId, String role) {
    }

    @Transactional
    public PlanOutcome create(String number, Header header) {
        Viewer viewer = InspectionPlans.viewer();
        List<UserError> errors = new ArrayList<>();
        String num = trim(number);
        if (num == null) {
            errors.add(UserError.of("number", "REQUIRED", "Enter the plan's number, e.g. 2960/KH-TTCP"));
        } else if (num.length() > 50) {
            errors.add(UserError.of("number", "TOO_LONG", "The number is longer than 50 characters"));
        } else if (repository.numberTaken(num)) {
            errors.add(UserError.of("number", "DUPLICATE", "A plan numbered " + num + " exists already"));
        }
        List<String> checklist = check(header, errors);
        Optional<Official> me = catalogue.officialByUsername(viewer.username());
        if (me.isEmpty()) {
            errors.add(UserError.general("NO_OFFICIAL", "Your login is not linked to an official, so you cannot lead a plan"));
        }
        if (!errors.isEmpty()) {
            return PlanOutcome.refused(errors);
        }
        InspectionPlan draft = plan(0, num, header, PlanStatus.DRAFT, 0);
        long id = repository.insert(draft, viewer.username());
        repository.replaceChecklist(id, checklist);
        repository.replaceTeam(id, Map.of(me.get().key(), "LEAD"));
        audit.record("inspectionPlan.create", "InspectionPlan", num, Map.of("title", draft.title(), "lead", me.get().fullName()));
        return new PlanOutcome(repository.byId(id, viewer).orElseThrow(), List.of());
    }

    @Transactional
    public PlanOutcome update(String planId, int version, Header header) {
        return change(planId, version, "inspectionPlan.update", plan -> {
            List<UserError> errors = new ArrayList<>();
            List<String> checklist = check(header, errors);
            if (!errors.isEmpty()) {
                return errors;
            }
            repository.replaceChecklist(plan.key(), checklist);
            return plan(plan.key(), plan.number(), header, plan.status(), plan.version());
        }, Map.of());
    }

    @Transactional
    public PlanOutcome setTargets(String planId, int version, List<String> unitIds) {
        Map<String, Object> details = new LinkedHashMap<>();
        return change(planId, version, "inspectionPlan.setTargets", plan -> {
            Set<Long> keys = new LinkedHashSet<>();
            for (String id : unitIds == null ? List.<String>of() : unitIds) {
                Optional<Long> key = decode(id, "Unit");
                if (key.isEmpty()) {
                    return List.of(UserError.of("unitIds", "NOT_FOUND", "No unit with ID " + id));
                }
                keys.add(key.get());
            }
            Map<Long, Unit> units = catalogue.unitsByIds(keys);
            for (Long key : keys) {
                if (!units.containsKey(key)) {
                    return List.of(UserError.of("unitIds", "NOT_FOUND", "No unit with ID " + NodeId.encode("Unit", key)));
                }
            }
            repository.replaceTargets(plan.key(), keys);
            details.put("targets", keys.stream().map(k -> units.get(k).code()).toList());
            return plan;
        }, details);
    }

    @Transactional
    public PlanOutcome setTeam(String planId, int version, List<Member> members) {
        Map<String, Object> details = new LinkedHashMap<>();
        return change(planId, version, "inspectionPlan.setTeam", plan -> {
            Map<Long, String> roles = new LinkedHashMap<>();
            List<Map<String, Object>> who = new ArrayList<>();
            for (Member m : members == null ? List.<Member>of() : members) {
                Optional<Official> official = decode(m.officialId(), "Official").flatMap(catalogue::official);
                if (official.isEmpty()) {
                    return List.of(UserError.of("members", "NOT_FOUND", "No official with ID " + m.officialId()));
                }
                if (roles.put(official.get().key(), m.role()) != null) {
                    return List.of(UserError.of("members", "DUPLICATE", official.get().fullName() + " is listed twice"));
                }
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("officialId", NodeId.encode("Official", official.get().key()));
                member.put("name", official.get().fullName());
                member.put("role", m.role());
                who.add(member);
            }
            long leads = roles.values().stream().filter("LEAD"::equals).count();
            if (leads != 1) {
                return List.of(UserError.of("members", "ONE_LEAD", "A team has exactly one lead (this one has " + leads + ")"));
            }
            repository.replaceTeam(plan.key(), roles);
            details.put("members", who);
            return plan;
        }, details);
    }

    @Transactional
    public PlanOutcome approve(String planId, int version) {
        return transition(planId, version, Transition.APPROVE, plan -> {
            List<UserError> errors = new ArrayList<>();
            if (repository.targets(List.of(plan.key())).getOrDefault(plan.key(), List.of()).isEmpty()) {
                errors.add(UserError.general("NO_TARGETS", "Add at least one target unit before approval"));
            }
            if (plan.periodFrom() == null || plan.periodTo() == null) {
                errors.add(UserError.general("NO_PERIOD", "Set the period under inspection before approval"));
            }
            if (repository.checklists(List.of(plan.key())).getOrDefault(plan.key(), List.of()).isEmpty()) {
                errors.add(UserError.general("NO_CHECKLIST", "Add the contents to inspect before approval"));
            }
            if (repository.teams(List.of(plan.key())).getOrDefault(plan.key(), List.of()).stream().allMatch(PlanMember::lead)) {
                errors.add(UserError.general("NO_MEMBERS", "Add at least one team member besides the lead before approval"));
            }
            return errors;
        });
    }

    @Transactional
    public PlanOutcome start(String planId, int version) {
        return transition(planId, version, Transition.START, plan -> List.of());
    }

    /** What a later lifecycle step checks and stores on the locked plan besides its status: the user errors that refuse it, or none. */
    public interface Step {
        List<UserError> apply(InspectionPlan plan);
    }

    /**
     * A step after fieldwork (conclude, begin follow-up, close), taken only by the lead, like
     * approval: {@code step} runs on the locked plan once the lifecycle allows the transition, and
     * whatever it wrote is rolled back when it, or the version check, refuses.
     */
    @Transactional
    public PlanOutcome step(String planId, int version, Transition transition, Step step) {
        if (transition == Transition.APPROVE || transition == Transition.START) {
            throw new IllegalArgumentException(transition + " has a method of its own");
        }
        return transition(planId, version, transition, step::apply);
    }

    // ------------------------------------------------------------------ machinery

    private interface Edit {
        /** The plan to store, or the user errors (a {@code List<UserError>}) that refuse the change. */
        Object apply(InspectionPlan plan);
    }

    private interface Precondition {
        List<UserError> problems(InspectionPlan plan);
    }

    private PlanOutcome transition(String planId, int version, Transition transition, Precondition precondition) {
        String action = "inspectionPlan." + transition.name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        return locked(planId, version, action, details, plan -> {
            requireLead(plan);
            Optional<PlanStatus> to = PlanLifecycle.target(plan.status(), transition);
            if (to.isEmpty()) {
                return List.of(UserError.general("TRANSITION_NOT_ALLOWED",
                        "A plan cannot " + transition.name().toLowerCase(java.util.Locale.ROOT) + " from " + plan.status()));
            }
            List<UserError> problems = precondition.problems(plan);
            if (!problems.isEmpty()) {
                return problems;
            }
            details.put("from", plan.status().name());
            details.put("to", to.get().name());
            return withStatus(plan, to.get());
        });
    }

    private PlanOutcome change(String planId, int version, String action, Edit edit, Map<String, Object> details) {
        return locked(planId, version, action, details, plan -> {
            if (!plan.status().editable()) {
                return List.of(UserError.general("PLAN_NOT_DRAFT",
                        "Plan " + plan.number() + " is " + plan.status() + ": its contents, targets and team were fixed at approval"));
            }
            return edit.apply(plan);
        });
    }

    private PlanOutcome locked(String planId, int version, String action, Map<String, Object> details, Edit edit) {
        Viewer viewer = InspectionPlans.viewer();
        Optional<InspectionPlan> found = decode(planId, "InspectionPlan").flatMap(k -> repository.lockById(k, viewer));
        if (found.isEmpty()) {
            return PlanOutcome.refused(UserError.of("planId", "NOT_FOUND", "No plan of your teams with this ID"));
        }
        InspectionPlan plan = found.get();
        if (plan.version() != version) {
            return PlanOutcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed plan " + plan.number()
                    + " since you read it (your version " + version + ", now " + plan.version() + "). Reload it and try again."));
        }
        Object result = edit.apply(plan);
        if (result instanceof List<?> errors) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            @SuppressWarnings("unchecked")
            List<UserError> userErrors = (List<UserError>) errors;
            return PlanOutcome.refused(userErrors);
        }
        if (!repository.update((InspectionPlan) result, version)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return PlanOutcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION",
                    "Someone else changed plan " + plan.number() + " since you read it. Reload it and try again."));
        }
        audit.record(action, "InspectionPlan", plan.number(), details);
        return new PlanOutcome(repository.byId(plan.key(), viewer).orElse(null), List.of());
    }

    /** Only the plan's lead takes it through its lifecycle; anyone else on the team is forbidden. */
    private void requireLead(InspectionPlan plan) {
        Optional<Official> me = catalogue.officialByUsername(InspectionPlans.viewer().username());
        boolean lead = me.isPresent() && repository.teams(List.of(plan.key())).getOrDefault(plan.key(), List.of()).stream()
                .anyMatch(m -> m.lead() && m.officialId() == me.get().key());
        if (!lead) {
            throw new AccessDeniedException("Only the lead of plan " + plan.number() + " may do this");
        }
    }

    private static List<String> check(Header h, List<UserError> errors) {
        String title = trim(h.title());
        if (title == null) {
            errors.add(UserError.of("title", "REQUIRED", "Enter the plan's title"));
        } else if (title.length() > 500) {
            errors.add(UserError.of("title", "TOO_LONG", "The title is longer than 500 characters"));
        }
        if (trim(h.issuingAuthority()) == null) {
            errors.add(UserError.of("issuingAuthority", "REQUIRED", "Enter who issues the plan"));
        }
        if (h.periodFrom() != null && h.periodTo() != null && h.periodTo().isBefore(h.periodFrom())) {
            errors.add(UserError.of("periodTo", "BEFORE_START", "The period ends before it starts"));
        }
        if (h.fieldworkFrom() != null && h.fieldworkTo() != null && h.fieldworkTo().isBefore(h.fieldworkFrom())) {
            errors.add(UserError.of("fieldworkTo", "BEFORE_START", "Fieldwork ends before it starts"));
        }
        List<String> items = new ArrayList<>();
        List<String> given = h.checklist() == null ? List.of() : h.checklist();
        for (int i = 0; i < given.size(); i++) {
            String item = trim(given.get(i));
            if (item == null) {
                errors.add(UserError.of("checklist." + i, "REQUIRED", "Checklist item " + (i + 1) + " is empty"));
            } else if (item.length() > 1000) {
                errors.add(UserError.of("checklist." + i, "TOO_LONG", "Checklist item " + (i + 1) + " is longer than 1000 characters"));
            } else {
                items.add(item);
            }
        }
        return items;
    }

    private static InspectionPlan plan(long key, String number, Header h, PlanStatus status, int version) {
        return new InspectionPlan(key, number, trim(h.title()), trim(h.issuingAuthority()), h.issueDate(), h.periodFrom(), h.periodTo(),
                h.selfReportDue(), h.fieldworkFrom(), h.fieldworkTo(), h.conclusionDue(), status, version);
    }

    private static InspectionPlan withStatus(InspectionPlan p, PlanStatus status) {
        return new InspectionPlan(p.key(), p.number(), p.title(), p.issuingAuthority(), p.issueDate(), p.periodFrom(), p.periodTo(),
                p.selfReportDue(), p.fieldworkFrom(), p.fieldworkTo(), p.conclusionDue(), status, p.version());
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
