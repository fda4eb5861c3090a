package app.lantern.inspection.selfreport;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.inspection.selfreport.ReportLifecycle.Status;
import app.lantern.inspection.selfreport.ReportLifecycle.Step;
import org.junit.jupiter.api.Test;

class ReportLifecycleTest {

    @Test
    void theUnitSubmitsADraftOrAReturnedReportAndTheTeamReturnsOrAcceptsASubmittedOne() {
        assertThat(ReportLifecycle.target(Status.DRAFT, Step.SUBMIT)).contains(Status.SUBMITTED);
        assertThat(ReportLifecycle.target(Status.RETURNED, Step.SUBMIT)).contains(Status.SUBMITTED);
        assertThat(ReportLifecycle.target(Status.SUBMITTED, Step.RETURN)).contains(Status.RETURNED);
        assertThat(ReportLifecycle.target(Status.SUBMITTED, Step.ACCEPT)).contains(Status.ACCEPTED);
    }

    @Test
    void everyOtherStepIsRefused() {
        for (Status from : Status.values()) {
            for (Step step : Step.values()) {
                boolean allowed = (step == Step.SUBMIT && (from == Status.DRAFT || from == Status.RETURNED))
                        || (step != Step.SUBMIT && from == Status.SUBMITTED);
                assertThat(ReportLifecycle.target(from, step).isPresent()).as(from + " " + step).isEqualTo(allowed);
            }
        }
    }

    @Test
    void onlyDraftsAndReturnedReportsAreEdited() {
        assertThat(Status.DRAFT.editable()).isTrue();
        assertThat(Status.RETURNED.editable()).isTrue();
        assertThat(Status.SUBMITTED.editable()).isFalse();
        assertThat(Status.ACCEPTED.editable()).isFalse();
    }
}
