package app.lantern.indicator;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingDays;
import app.lantern.indicator.internal.RuleSetRepository;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding rule sets: administrators only, validated, audited. A rule set starts today or later, so
 * periods already scored keep their rules; rule sets are never changed afterwards.
 */
@Service
@PreAuthorize(Access.ADMIN)
public class RuleSetAdmin {

    private final RuleSetRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    RuleSetAdmin(RuleSetRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rule set as an administrator submits it; null numbers are omitted fields. */
    public record Draft(String name, LocalDate effectiveFrom, List<GroupDraft> groups, Double excellentFrom, Double goodFrom,
                        Double averageFrom) {
    }

    public record GroupDraft(IndicatorGroup group, Double maxPoints, List<RuleDraft> indicators) {
    }

    public record RuleDraft(IndicatorCode code, Double weight, Double cap, Double fullAt) {
    }

    /** The new rule set, or the reasons nothing was stored. */
    public record Outcome(RuleSet ruleSet, List<UserError> userErrors) {
    }

    @Transactional
    public Outcome create(Draft draft) {
        List<UserError> errors = new ArrayList<>();
        String name = draft.name() == null ? null : draft.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(UserError.of("name", "REQUIRED", "Give the rule set a name"));
        } else if (name.length() > 200) {
            errors.add(UserError.of("name", "TOO_LONG", "The name is longer than 200 characters"));
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingDays.ZONE));
        if (draft.effectiveFrom() == null) {
            errors.add(UserError.of("effectiveFrom", "REQUIRED", "Give the first day the rule set applies"));
        } else if (draft.effectiveFrom().isBefore(today)) {
            errors.add(UserError.of("effectiveFrom", "IN_THE_PAST",
                    "A rule set starts today or later, so that periods already scored keep their rules"));
        } else if (repository.existsOn(draft.effectiveFrom())) {
            errors.add(UserError.of("effectiveFrom", "DUPLICATE", "Another rule set starts on " + draft.effectiveFrom()));
        }
        List<RuleSet.GroupRule> groups = groups(draft.groups(), errors);
        double excellent = number(draft.excellentFrom());
        double good = number(draft.goodFrom());
        double average = number(draft.averageFrom());
        if (!(excellent <= 100 && excellent > good)) {
            errors.add(UserError.of("excellentFrom", "OUT_OF_RANGE", "EXCELLENT starts above GOOD and at most at 100"));
        }
        if (!(good > average)) {
            errors.add(UserError.of("goodFrom", "OUT_OF_RANGE", "GOOD starts above AVERAGE"));
        }
        if (!(average > 0)) {
            errors.add(UserError.of("averageFrom", "OUT_OF_RANGE", "AVERAGE starts above 0"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        RuleSet rules = new RuleSet(null, name, draft.effectiveFrom(), groups, excellent, good, average, null, by);
        long id = repository.insert(rules, by);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("effectiveFrom", draft.effectiveFrom().toString());
        details.put("bands", List.of(excellent, good, average));
        audit.record("indicatorRuleSet.create", "IndicatorRuleSet", id, details);
        return new Outcome(repository.all().stream().filter(r -> r.key() == id).findFirst().orElseThrow(), List.of());
    }

    private static double number(Double value) {
        return value == null || value.isNaN() ? Double.NaN : value;
    }

    private static List<RuleSet.GroupRule> groups(List<GroupDraft> drafts, List<UserError> errors) {
        List<RuleSet.GroupRule> groups = new ArrayList<>();
        Set<IndicatorGroup> seenGroups = EnumSet.noneOf(IndicatorGroup.class);
        Set<IndicatorCode> seenCodes = EnumSet.noneOf(IndicatorCode.class);
        double sum = 0;
        List<GroupDraft> list = drafts == null ? List.of() : drafts;
        for (int g = 0; g < list.size(); g++) {
            GroupDraft draft = list.get(g);
            String at = "groups." + g;
            if (draft.group() == null || !seenGroups.add(draft.group())) {
                errors.add(UserError.of(at + ".group", "DUPLICATE", "Each group appears once"));
                continue;
            }
            double max = number(draft.maxPoints());
            if (!(max >= 0 && max <= 100)) {
                errors.add(UserError.of(at + ".maxPoints", "OUT_OF_RANGE", "A group's maximum is between 0 and 100"));
            } else {
                sum += max;
            }
            List<RuleSet.Rule> rules = new ArrayList<>();
            List<RuleDraft> indicators = draft.indicators() == null ? List.of() : draft.indicators();
            for (int i = 0; i < indicators.size(); i++) {
                RuleDraft r = indicators.get(i);
                String field = at + ".indicators." + i;
                if (r.code() == null || !seenCodes.add(r.code())) {
                    errors.add(UserError.of(field + ".code", "DUPLICATE", "Each indicator appears once"));
                    continue;
                }
                if (r.code().group() != draft.group()) {
                    errors.add(UserError.of(field + ".code", "WRONG_GROUP", r.code() + " belongs to the group " + r.code().group()));
                }
                double weight = number(r.weight());
                double cap = r.cap() == null ? weight : r.cap();
                double fullAt = r.fullAt() == null ? 1 : r.fullAt();
                if (!(weight >= 0 && weight <= 100)) {
                    errors.add(UserError.of(field + ".weight", "OUT_OF_RANGE", "A weight is between 0 and 100"));
                }
                if (!(cap >= 0 && cap <= 100)) {
                    errors.add(UserError.of(field + ".cap", "OUT_OF_RANGE", "A cap is between 0 and 100"));
                }
                if (!(fullAt > 0 && fullAt <= 1)) {
                    errors.add(UserError.of(field + ".fullAt", "OUT_OF_RANGE", "The rate that earns the full weight is above 0 and at most 1"));
                }
                rules.add(new RuleSet.Rule(r.code(), weight, cap, fullAt));
            }
            groups.add(new RuleSet.GroupRule(draft.group(), max, List.copyOf(rules)));
        }
        for (IndicatorGroup group : IndicatorGroup.values()) {
            if (!seenGroups.contains(group)) {
                errors.add(UserError.of("groups", "MISSING_GROUP", "The group " + group + " is missing"));
            }
        }
        for (IndicatorCode code : IndicatorCode.values()) {
            if (seenGroups.contains(code.group()) && !seenCodes.contains(code)) {
                errors.add(UserError.of("groups", "MISSING_INDICATOR", "The indicator " + code + " is missing"));
            }
        }
        if (seenGroups.size() == IndicatorGroup.values().length && Math.abs(sum - 100) > 1e-9) {
            errors.add(UserError.of("groups", "NOT_100", "The groups' maxima add up to " + IndicatorCode.number(sum) + ", not 100"));
        }
        return List.copyOf(groups);
    }
}
