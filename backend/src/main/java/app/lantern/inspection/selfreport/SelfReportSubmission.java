package app.lantern.inspection.selfreport;

import app.lantern.inspection.PlanStatistics;
import java.time.Instant;
import java.util.List;

/** A self-inspection report as it was submitted: who submitted it when, whether late, and its content frozen at that moment. */
public record SelfReportSubmission(long reportId, Instant submittedAt, String submittedBy, boolean late, Content content) {

    /**
     * What was submitted: the report's contents and the unit's figures for the plan's period at that
     * moment (null when the plan had no period).
     */
    public record Content(SelfInspectionReport.LegalDocuments legalDocuments, String proposals,
                          List<SelfInspectionReport.Difficulty> difficulties, List<SelfInspectionReport.Simplification> simplifications,
                          PlanStatistics figures) {
    }

    public SelfInspectionReport.LegalDocuments legalDocuments() {
        return content.legalDocuments();
    }

    public String proposals() {
        return content.proposals();
    }

    public List<SelfInspectionReport.Difficulty> difficulties() {
        return content.difficulties();
    }

    public PlanStatistics figures() {
        return content.figures();
    }
}
