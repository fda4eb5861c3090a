package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.inspection.PlanLifecycle.Transition;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The plan lifecycle allows exactly the steps DRAFT → APPROVED → IN_PROGRESS → CONCLUDED → FOLLOW_UP → CLOSED. */
class PlanLifecycleTest {

    @Test
    void eachStepLeadsFromOneStatusToTheNext() {
        assertThat(PlanLifecycle.target(PlanStatus.DRAFT, Transition.APPROVE)).contains(PlanStatus.APPROVED);
        assertThat(PlanLifecycle.target(PlanStatus.APPROVED, Transition.START)).contains(PlanStatus.IN_PROGRESS);
        assertThat(PlanLifecycle.target(PlanStatus.IN_PROGRESS, Transition.CONCLUDE)).contains(PlanStatus.CONCLUDED);
        assertThat(PlanLifecycle.target(PlanStatus.CONCLUDED, Transition.BEGIN_FOLLOW_UP)).contains(PlanStatus.FOLLOW_UP);
        assertThat(PlanLifecycle.target(PlanStatus.FOLLOW_UP, Transition.CLOSE)).contains(PlanStatus.CLOSED);
    }

    @Test
    void everyOtherCombinationIsRefused() {
        int allowed = 0;
        for (Transition t : Transition.values()) {
            for (PlanStatus s : PlanStatus.values()) {
                if (PlanLifecycle.target(s, t).isPresent()) {
                    allowed++;
                    assertThat(PlanLifecycle.target(s, t).get().ordinal()).as(s + " " + t).isEqualTo(s.ordinal() + 1);
                }
            }
        }
        assertThat(allowed).isEqualTo(Transition.values().length);
        assertThat(PlanLifecycle.target(PlanStatus.DRAFT, Transition.START)).isEmpty();
        assertThat(PlanLifecycle.target(PlanStatus.APPROVED, Transition.APPROVE)).isEmpty();
        assertThat(PlanLifecycle.target(PlanStatus.CLOSED, Transition.CLOSE)).isEmpty();
    }

    @Test
    void onlyDraftsAreEditableAndOnlyConcludedPlansReachUnitHeads() {
        assertThat(EnumSet.allOf(PlanStatus.class).stream().filter(PlanStatus::editable)).containsExactly(PlanStatus.DRAFT);
        assertThat(EnumSet.allOf(PlanStatus.class).stream().filter(PlanStatus::concluded))
                .containsExactly(PlanStatus.CONCLUDED, PlanStatus.FOLLOW_UP, PlanStatus.CLOSED);
    }
}
