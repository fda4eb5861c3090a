package app.lantern.inspection.finding;

import app.lantern.audit.AuditLog;
import app.lantern.inspection.finding.internal.ConclusionDraftRepository;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.inspection.finding.internal.FindingRepository.PlanState;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The conclusion's summary while the lead writes it: saved on the server by the lead during
 * fieldwork (one transaction: plan locked, the draft's version checked, written with an audit
 * record), read by the plan's team, and taken by {@link ConclusionWorkflow#conclude} when the lead
 * issues the conclusion without another summary.
 */
@Service
public class ConclusionDrafts {

    private final ConclusionDraftRepository drafts;
    private final FindingRepository findings;
    private final AuditLog audit;
    private final Clock clock;

    ConclusionDrafts(ConclusionDraftRepository drafts, FindingRepository findings, AuditLog audit, Clock clock) {
        this.drafts = drafts;
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A save's result: the draft as stored, or the reasons nothing was stored. */
    public record Outcome(ConclusionDraft draft, List<UserError> userErrors) {

        static Outcome refused(UserError error) {
            return new Outcome(null, List.of(error));
        }
    }

    /** The drafts of those plans whose team the caller is on; nobody else sees a draft, administrators included. */
    @PreAuthorize(Access.STAFF)
    @Transactional(readOnly = true)
    public Map<Long, ConclusionDraft> ofPlans(Collection<Long> planIds) {
        return drafts.ofTeamPlans(planIds, Caller.current().username()).stream()
                .collect(Collectors.toMap(ConclusionDraft::planId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    @Transactional
    @PreAuthorize(Access.INSPECTOR)
    public Outcome save(String planId, String summary, int version) {
        Caller caller = Caller.current();
        // locked for share: the lead's conclude step (which locks for update) waits for the save, and the other way round
        Optional<PlanState> plan = FindingWorkflow.decode(planId, "InspectionPlan")
                .flatMap(k -> findings.lockPlan(k, caller.username(), false)).filter(p -> p.role() != null);
        if (plan.isEmpty()) {
            return Outcome.refused(UserError.of("planId", "NOT_FOUND", "No plan of your teams with this ID"));
        }
        if (!plan.get().lead()) {
            throw new AccessDeniedException("Only the lead of plan " + plan.get().number() + " writes the conclusion");
        }
        if (!"IN_PROGRESS".equals(plan.get().status())) {
            return Outcome.refused(UserError.general("PLAN_NOT_IN_PROGRESS", "Plan " + plan.get().number() + " is "
                    + plan.get().status() + ": the conclusion's draft is written during fieldwork only"));
        }
        String text = summary == null ? "" : summary.strip();
        if (text.length() > ConclusionWorkflow.MAX_SUMMARY) {
            return Outcome.refused(UserError.of("summary", "TOO_LONG", "The summary is " + text.length() + " characters long; at most "
                    + ConclusionWorkflow.MAX_SUMMARY + " fit in a conclusion"));
        }
        Optional<Integer> saved = drafts.save(plan.get().key(), text, caller.username(), caller.displayName(), clock.instant(), version);
        if (saved.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            ConclusionDraft current = drafts.ofPlan(plan.get().key()).orElse(null);
            return Outcome.refused(UserError.of("version", "CONCURRENT_MODIFICATION", current == null
                    ? "Plan " + plan.get().number() + " has no saved draft of version " + version + ". Reload it and try again."
                    : current.updatedBy() + " saved the draft of plan " + plan.get().number() + " since you read it (your version "
                    + version + ", now " + current.version() + "). Reload it, merge your text and save again."));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", saved.get());
        details.put("length", text.length());
        audit.record("inspectionPlan.saveConclusionDraft", "InspectionPlan", plan.get().number(), details);
        return new Outcome(drafts.ofPlan(plan.get().key()).orElseThrow(), List.of());
    }
}
