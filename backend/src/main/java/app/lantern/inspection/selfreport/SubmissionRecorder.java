package app.lantern.inspection.selfreport;

import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.internal.PlanRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Freezes what a unit submits: appends a submission of the report as it stands, with the unit's
 * figures for the plan's period at that moment (zeros for a unit without dossiers, none without a
 * period), so that later changes to the report or the dossiers do not alter what was submitted.
 * Authorisation is the caller's business (the unit head's submit, or the demo loader); it joins the
 * caller's transaction.
 */
@Component
public class SubmissionRecorder {

    private final ReportRepository reports;
    private final PlanRepository plans;
    private final ObjectMapper json;

    SubmissionRecorder(ReportRepository reports, PlanRepository plans, ObjectMapper json) {
        this.reports = reports;
        this.plans = plans;
        this.json = json;
    }

    /** Records the submission of report {@code reportId} by {@code username} at {@code at}; answers what was frozen, as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String record(long reportId, String username, Instant at, boolean late) {
        SelfInspectionReport report = reports.byId(reportId).orElseThrow();
        PlanStatistics figures = null;
        if (!plans.withPeriod(List.of(report.planId())).isEmpty()) {
            figures = plans.statistics(List.of(report.planId())).stream().filter(s -> Long.valueOf(report.unitId()).equals(s.unitId()))
                    .findFirst().orElse(PlanStatistics.empty(report.planId(), report.unitId()));
        }
        String content = json.writeValueAsString(new SelfReportSubmission.Content(report.legalDocuments(), report.proposals(),
                reports.difficulties(List.of(reportId)), reports.simplifications(List.of(reportId)), figures));
        reports.insertSubmission(reportId, at, username, late, content);
        return content;
    }
}
