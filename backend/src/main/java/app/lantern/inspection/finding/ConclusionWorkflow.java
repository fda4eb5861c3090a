package app.lantern.inspection.finding;

import app.lantern.inspection.PlanLifecycle.Transition;
import app.lantern.inspection.PlanOutcome;
import app.lantern.inspection.PlanWorkflow;
import app.lantern.inspection.finding.internal.ConclusionDraftRepository;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The lifecycle steps after fieldwork, all the lead's: issuing the conclusion (its figures frozen),
 * beginning follow-up, and closing the plan once every recorded finding's recommendation is
 * verified or waived. Locking, version check, lifecycle and audit are {@link PlanWorkflow}'s, and
 * so is the transaction: each step and what it stores run inside {@link PlanWorkflow#step}'s.
 */
@Service
@PreAuthorize(Access.INSPECTOR)
public class ConclusionWorkflow {

    static final int MAX_SUMMARY = 50_000;

    private final PlanWorkflow workflow;
    private final ConclusionRecorder recorder;
    private final FindingRepository findings;
    private final ConclusionDraftRepository drafts;
    private final Clock clock;

    ConclusionWorkflow(PlanWorkflow workflow, ConclusionRecorder recorder, FindingRepository findings, ConclusionDraftRepository drafts,
                       Clock clock) {
        this.workflow = workflow;
        this.recorder = recorder;
        this.findings = findings;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Issues the conclusion with {@code summary}, or, when that is null or blank, with the summary of the lead's saved draft. */
    public PlanOutcome conclude(String planId, int version, String summary) {
        Caller caller = Caller.current();
        return workflow.step(planId, version, Transition.CONCLUDE, plan -> {
            String given = summary == null ? "" : summary.strip();
            // the plan is locked: no draft save slips in between this read and the conclusion
            String text = given.isEmpty() ? drafts.ofPlan(plan.key()).map(d -> d.summary().strip()).orElse("") : given;
            if (text.isEmpty()) {
                return List.of(UserError.of("summary", "REQUIRED", "Write the conclusion's summary and assessment, or save a draft of it"));
            }
            if (text.length() > MAX_SUMMARY) {
                return List.of(UserError.of("summary", "TOO_LONG", "The summary is longer than " + MAX_SUMMARY + " characters"));
            }
            recorder.record(plan.key(), text, caller.username(), caller.displayName(), clock.instant());
            return List.of();
        });
    }

    public PlanOutcome beginFollowUp(String planId, int version) {
        return workflow.step(planId, version, Transition.BEGIN_FOLLOW_UP, plan -> List.of());
    }

    public PlanOutcome close(String planId, int version) {
        return workflow.step(planId, version, Transition.CLOSE, plan -> {
            List<Integer> open = findings.unsettledNumbers(plan.key());
            if (open.isEmpty()) {
                return List.of();
            }
            String numbers = open.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return List.of(UserError.general("RECOMMENDATIONS_UNSETTLED", open.size() == 1
                    ? "The recommendation of finding " + numbers + " is neither verified nor waived"
                    : "The recommendations of findings " + numbers + " are neither verified nor waived"));
        });
    }
}
