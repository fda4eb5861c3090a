package app.lantern.dossier;

import static app.lantern.dossier.DossierStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.dossier.Lifecycle.Facts;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final LocalDate DUE = LocalDate.parse("2024-03-26");
    private static final LocalDate BEFORE_DUE = LocalDate.parse("2024-03-20");

    private static Facts open(DossierStatus status) {
        return new Facts(status, DUE, false, false);
    }

    @Test
    void exactlyTheLawfulMovesAreAllowed() {
        assertThat(Lifecycle.allowedFrom(Transition.ADVANCE)).containsExactlyInAnyOrder(RECEIVED, PROCESSING);
        assertThat(Lifecycle.allowedFrom(Transition.REQUEST_SUPPLEMENT)).containsExactly(PROCESSING);
        assertThat(Lifecycle.allowedFrom(Transition.RESUME_AFTER_SUPPLEMENT)).containsExactly(SUPPLEMENT_REQUESTED);
        assertThat(Lifecycle.allowedFrom(Transition.RESOLVE)).containsExactly(PROCESSING);
        assertThat(Lifecycle.allowedFrom(Transition.RETURN)).containsExactly(RESOLVED);
        assertThat(Lifecycle.allowedFrom(Transition.REJECT)).containsExactlyInAnyOrder(RECEIVED, PROCESSING);
        assertThat(Lifecycle.allowedFrom(Transition.WITHDRAW)).containsExactlyInAnyOrder(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED);
        assertThat(Lifecycle.allowedFrom(Transition.RATE)).containsExactly(RETURNED);
        assertThat(Lifecycle.allowedFrom(Transition.RECEIVE)).isEmpty();
    }

    @Test
    void targets() {
        assertThat(Lifecycle.target(RECEIVED, Transition.ADVANCE)).contains(PROCESSING);
        assertThat(Lifecycle.target(PROCESSING, Transition.REQUEST_SUPPLEMENT)).contains(SUPPLEMENT_REQUESTED);
        assertThat(Lifecycle.target(SUPPLEMENT_REQUESTED, Transition.RESUME_AFTER_SUPPLEMENT)).contains(PROCESSING);
        assertThat(Lifecycle.target(PROCESSING, Transition.RESOLVE)).contains(RESOLVED);
        assertThat(Lifecycle.target(RESOLVED, Transition.RETURN)).contains(RETURNED);
        assertThat(Lifecycle.target(PROCESSING, Transition.REJECT)).contains(REJECTED);
        assertThat(Lifecycle.target(SUPPLEMENT_REQUESTED, Transition.WITHDRAW)).contains(WITHDRAWN);
    }

    @Test
    void closedDossiersCannotMoveAndTheRefusalNamesTheStatus() {
        Set<DossierStatus> closed = EnumSet.of(REJECTED, WITHDRAWN);
        for (DossierStatus status : closed) {
            for (Transition t : Transition.values()) {
                assertThat(Lifecycle.refusal(open(status), t, BEFORE_DUE)).as(status + " " + t).isPresent();
            }
        }
        assertThat(Lifecycle.refusal(open(RETURNED), Transition.RESOLVE, BEFORE_DUE))
                .hasValueSatisfying(m -> assertThat(m).contains("RETURNED"));
        assertThat(Lifecycle.refusal(open(RECEIVED), Transition.RESOLVE, BEFORE_DUE)).as("must be processed first").isPresent();
        assertThat(Lifecycle.refusal(open(SUPPLEMENT_REQUESTED), Transition.REJECT, BEFORE_DUE)).isPresent();
        assertThat(Lifecycle.refusal(open(RESOLVED), Transition.WITHDRAW, BEFORE_DUE)).isPresent();
    }

    @Test
    void apologyOnlyWhenLateOrCertainToBe() {
        assertThat(Lifecycle.refusal(open(PROCESSING), Transition.ISSUE_APOLOGY, BEFORE_DUE)).isPresent();
        assertThat(Lifecycle.refusal(open(PROCESSING), Transition.ISSUE_APOLOGY, DUE)).as("still open on the due day").isEmpty();
        assertThat(Lifecycle.refusal(open(PROCESSING), Transition.ISSUE_APOLOGY, DUE.plusDays(3))).isEmpty();
        assertThat(Lifecycle.refusal(new Facts(RESOLVED, DUE, false, false), Transition.ISSUE_APOLOGY, DUE.plusDays(9)))
                .as("resolved on time").isPresent();
        assertThat(Lifecycle.refusal(new Facts(RETURNED, DUE, true, false), Transition.ISSUE_APOLOGY, DUE.plusDays(9)))
                .as("resolved late").isEmpty();
        assertThat(Lifecycle.refusal(open(SUPPLEMENT_REQUESTED), Transition.ISSUE_APOLOGY, DUE.plusDays(9)))
                .as("the clock is stopped").isPresent();
    }

    @Test
    void ratedOnceAfterReturn() {
        assertThat(Lifecycle.refusal(new Facts(RETURNED, DUE, false, false), Transition.RATE, DUE)).isEmpty();
        assertThat(Lifecycle.refusal(new Facts(RETURNED, DUE, false, true), Transition.RATE, DUE)).isPresent();
        assertThat(Lifecycle.refusal(new Facts(RESOLVED, DUE, false, false), Transition.RATE, DUE)).isPresent();
    }
}
