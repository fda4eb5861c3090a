package app.lantern.inspection.sampling;

import app.lantern.audit.AuditLog;
import app.lantern.catalogue.CatalogueService;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.InspectionPlans;
import app.lantern.inspection.PlanStatus;
import app.lantern.inspection.internal.PlanRepository;
import app.lantern.inspection.internal.PlanRepository.Viewer;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Dossier samples of a plan: drawn and examined by its team (inspectors), read by the team only. A draw is reproducible: the seed is stored, and the same seed over the same
 * population draws the same dossiers ({@link Sampler}). Every change is audited in its transaction.
 */
@Service
@PreAuthorize(Access.STAFF)
@Transactional(readOnly = true)
public class DossierSampling {

    static final int MAX_SIZE = 500;
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final String SEED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SampleRepository samples;
    private final PlanRepository plans;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    private final Clock clock;

    DossierSampling(SampleRepository samples, PlanRepository plans, CatalogueService catalogue, AuditLog audit, Clock clock) {
        this.samples = samples;
        this.plans = plans;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A sample mutation's result: the sample after the change, or why nothing changed. */
    public record SampleOutcome(DossierSample sample, List<UserError> userErrors) {
        static SampleOutcome refused(UserError... errors) {
            return new SampleOutcome(null, List.of(errors));
        }
    }

    /** What to draw, as the client sent it. */
    public record Draw(String planId, String name, String unitId, List<String> outcomes, String field, String procedureId, int size,
                       boolean stratifyByField, String seed) {
    }

    // ------------------------------------------------------------------ reads

    /** Samples of plans the caller was given, newest first: only for plans the caller sees whole (its team). */
    public Map<Long, List<DossierSample>> ofPlans(Collection<Long> planIds) {
        Set<Long> whole = plans.seenWhole(planIds, InspectionPlans.viewer());
        Map<Long, List<DossierSample>> result = new HashMap<>();
        planIds.forEach(id -> result.put(id, new ArrayList<>()));
        samples.ofPlans(whole).forEach(s -> result.get(s.planId()).add(s));
        return result;
    }

    /** A sample, if the caller sees its plan whole. */
    public Optional<DossierSample> byId(long id) {
        return samples.byId(id).filter(s -> plans.seenWhole(List.of(s.planId()), InspectionPlans.viewer()).contains(s.planId()));
    }

    /** Items of samples the caller was given, in draw order. */
    public Map<Long, List<DossierSample.Item>> items(Collection<Long> sampleIds) {
        Map<Long, List<DossierSample.Item>> result = new HashMap<>();
        samples.items(sampleIds).forEach(i -> result.computeIfAbsent(i.sampleId(), k -> new ArrayList<>()).add(i));
        return result;
    }

    /** Samples by id, those whose plan the caller sees whole (its team): unit heads get none. */
    public Map<Long, DossierSample> byIds(Collection<Long> ids) {
        Map<Long, DossierSample> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<DossierSample> found = samples.byIds(ids);
        Set<Long> whole = plans.seenWhole(found.stream().map(DossierSample::planId).distinct().toList(), InspectionPlans.viewer());
        found.stream().filter(s -> whole.contains(s.planId())).forEach(s -> result.put(s.key(), s));
        return result;
    }

    /**
     * Sample items the caller was shown a reference to (by evidence of a finding they see): whoever
     * sees the reference sees the item, its examination and its dossier's id.
     */
    public Map<DossierSample.ItemRef, DossierSample.Item> itemsByRef(List<DossierSample.ItemRef> refs) {
        Map<DossierSample.ItemRef, DossierSample.Item> result = new HashMap<>();
        if (!refs.isEmpty()) {
            samples.itemsByRef(refs.stream().distinct().toList()).forEach(i -> result.put(i.ref(), i));
        }
        return result;
    }

    /** What a plan's samples hold of the items asked for: which samples are the plan's, and those of the items that exist. */
    public record PlanItems(Set<Long> samples, Map<DossierSample.ItemRef, DossierSample.Item> items) {
    }

    /**
     * The items named by {@code refs} that belong to samples drawn for plan {@code planId}, when the
     * caller sees that plan whole (its team); refs to other plans' samples, or to
     * samples that do not exist, are left out of both parts of the answer.
     */
    public PlanItems itemsOfPlan(long planId, List<DossierSample.ItemRef> refs) {
        List<Long> asked = refs.stream().map(DossierSample.ItemRef::sampleId).distinct().toList();
        if (asked.isEmpty() || plans.seenWhole(List.of(planId), InspectionPlans.viewer()).isEmpty()) {
            return new PlanItems(Set.of(), Map.of());
        }
        Set<Long> ofPlan = Set.copyOf(samples.ofPlan(planId, asked));
        Map<DossierSample.ItemRef, DossierSample.Item> found = new HashMap<>();
        itemsByRef(refs.stream().filter(r -> ofPlan.contains(r.sampleId())).toList()).forEach(found::put);
        return new PlanItems(ofPlan, found);
    }

    /** Plans of samples the caller was given. */
    public Map<Long, InspectionPlan> plansOf(Collection<Long> planIds) {
        Map<Long, InspectionPlan> result = new HashMap<>();
        plans.byIds(planIds, InspectionPlans.viewer()).forEach(p -> result.put(p.key(), p));
        return result;
    }

    // ------------------------------------------------------------------ changes

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public SampleOutcome draw(Draw input) {
        CurrentUser me = me();
        Optional<InspectionPlan> found = decode(input.planId(), "InspectionPlan").flatMap(k -> teamPlan(k, me));
        if (found.isEmpty()) {
            return SampleOutcome.refused(UserError.of("planId", "NOT_FOUND", "No plan of your teams with this ID"));
        }
        InspectionPlan plan = found.get();
        if (plan.status() != PlanStatus.APPROVED && plan.status() != PlanStatus.IN_PROGRESS) {
            return SampleOutcome.refused(UserError.general("PLAN_NOT_ACTIVE",
                    "Samples are drawn while a plan is approved or in fieldwork; plan " + plan.number() + " is " + plan.status()));
        }
        if (plan.periodFrom() == null || plan.periodTo() == null) {
            return SampleOutcome.refused(UserError.general("NO_PERIOD", "Plan " + plan.number() + " has no period to draw from"));
        }
        List<UserError> errors = new ArrayList<>();
        String name = trim(input.name());
        if (name == null) {
            errors.add(UserError.of("name", "REQUIRED", "Name the sample, e.g. Hồ sơ trễ hạn Quỳ Hợp"));
        } else if (name.length() > 200) {
            errors.add(UserError.of("name", "TOO_LONG", "The name is longer than 200 characters"));
        }
        if (input.size() < 1 || input.size() > MAX_SIZE) {
            errors.add(UserError.of("size", "OUT_OF_RANGE", "A sample holds 1 to " + MAX_SIZE + " dossiers"));
        }
        String seed = input.seed() == null ? newSeed() : input.seed().strip();
        if (seed.isEmpty() || seed.length() > 100) {
            errors.add(UserError.of("seed", "INVALID", "A seed is 1 to 100 characters (omit it for a new random one)"));
        }
        Long unitId = null;
        if (input.unitId() != null) {
            unitId = decode(input.unitId(), "Unit").orElse(-1L);
            if (!plans.targets(List.of(plan.key())).getOrDefault(plan.key(), List.of()).contains(unitId)) {
                errors.add(UserError.of("population.unitId", "NOT_A_TARGET", "The unit is not a target of plan " + plan.number()));
            }
        }
        Long procedureId = null;
        if (input.procedureId() != null) {
            procedureId = decode(input.procedureId(), "Procedure").orElse(-1L);
            if (catalogue.proceduresOfVisibleDossiers(List.of(procedureId)).isEmpty()) {
                errors.add(UserError.of("population.procedureId", "NOT_FOUND", "No procedure with ID " + input.procedureId()));
            }
        }
        if (!errors.isEmpty()) {
            return new SampleOutcome(null, errors);
        }
        List<String> outcomes = input.outcomes() == null ? List.of() : input.outcomes().stream().distinct().sorted().toList();
        SampleRepository.Narrowing narrowing = new SampleRepository.Narrowing(unitId, outcomes, input.field(), procedureId);
        List<Sampler.Candidate> population = samples.population(plan.key(), narrowing);
        if (population.isEmpty()) {
            return SampleOutcome.refused(UserError.of("population", "EMPTY", "No dossier of plan " + plan.number() + " matches this population"));
        }
        if (input.size() > population.size()) {
            return SampleOutcome.refused(UserError.of("size", "LARGER_THAN_POPULATION",
                    "The population holds only " + population.size() + " dossiers; draw at most that many"));
        }
        List<Sampler.Drawn> drawn = Sampler.draw(population, input.size(), input.stratifyByField(), seed);
        long id = samples.insert(plan.key(), name, narrowing, population.size(), input.stratifyByField(), seed, drawn.size(),
                me.displayName(), me.username(), clock.instant());
        samples.insertItems(id, drawn);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plan", plan.number());
        details.put("name", name);
        details.put("seed", seed);
        details.put("size", drawn.size());
        details.put("populationSize", population.size());
        details.put("stratifiedByField", input.stratifyByField());
        audit.record("dossierSample.draw", "DossierSample", id, details);
        return new SampleOutcome(samples.byId(id).orElseThrow(), List.of());
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public SampleOutcome examine(String sampleId, int ordinal, String result, String note) {
        CurrentUser me = me();
        Optional<DossierSample> found = decode(sampleId, "DossierSample").flatMap(samples::lockById);
        Optional<InspectionPlan> plan = found.flatMap(s -> teamPlan(s.planId(), me));
        if (plan.isEmpty()) {
            return SampleOutcome.refused(UserError.of("sampleId", "NOT_FOUND", "No sample of your teams' plans with this ID"));
        }
        if (plan.get().status() != PlanStatus.IN_PROGRESS) {
            return SampleOutcome.refused(UserError.general("PLAN_NOT_IN_PROGRESS",
                    "Sampled dossiers are examined during fieldwork; plan " + plan.get().number() + " is " + plan.get().status()));
        }
        String text = trim(note);
        if ("NON_COMPLIANT".equals(result) && text == null) {
            return SampleOutcome.refused(UserError.of("note", "REQUIRED", "Say what was not handled according to the rules"));
        }
        if (text != null && text.length() > 4000) {
            return SampleOutcome.refused(UserError.of("note", "TOO_LONG", "The note is longer than 4000 characters"));
        }
        if (!samples.examine(found.get().key(), ordinal, result, text, me.displayName(), clock.instant())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return SampleOutcome.refused(UserError.of("ordinal", "NOT_FOUND",
                    "Sample " + found.get().name() + " has no item " + ordinal + " (it holds " + found.get().size() + ")"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plan", plan.get().number());
        details.put("ordinal", ordinal);
        details.put("result", result);
        if (text != null) {
            details.put("note", text);
        }
        audit.record("dossierSample.examine", "DossierSample", found.get().key(), details);
        return new SampleOutcome(samples.byId(found.get().key()).orElseThrow(), List.of());
    }

    /** The plan, locked, when the caller is on its team. */
    private Optional<InspectionPlan> teamPlan(long planId, CurrentUser me) {
        return plans.lockById(planId, new Viewer(me.username(), null));
    }

    private static CurrentUser me() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not logged in"));
    }

    private static String newSeed() {
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            seed.append(SEED_ALPHABET.charAt(SEEDS.nextInt(SEED_ALPHABET.length())));
        }
        return seed.toString();
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
