package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each transition records on a dossier, as both the one-stop shop and the partner sync record it. */
class LifecycleEffectsTest {

    private final Deadlines rules = new Deadlines(WorkingDays.vietnam());
    private static final LifecycleEffects.Input NONE = new LifecycleEffects.Input(null, null, null, null, null, null, null);

    private static Instant at(String time) {
        return OffsetDateTime.parse(time + "+07:00").toInstant();
    }

    private LifecycleEffects.Fields processingAtStep() {
        LifecycleEffects.Fields f = LifecycleEffects.receive(at("2024-03-04T09:00:00"), 10, rules, new LinkedHashMap<>());
        assertThat(LifecycleEffects.apply(f, Transition.ADVANCE, NONE, at("2024-03-04T10:00:00"), rules, () -> 10, new LinkedHashMap<>()))
                .isEmpty();
        f.currentStepId = 7L;
        f.currentOfficialId = 3L;
        return f;
    }

    @Test
    void resolvingAfterTheDueDateClosesTheDossierAsLate() {
        LifecycleEffects.Fields f = processingAtStep();
        Map<String, Object> details = new LinkedHashMap<>();
        Instant resolved = at("2024-04-30T10:00:00");
        assertThat(LifecycleEffects.apply(f, Transition.RESOLVE, new LifecycleEffects.Input(null, " QĐ 12 ", true, null, null, null, null),
                resolved, rules, () -> 10, details)).isEmpty();
        assertThat(f.status).isEqualTo(DossierStatus.RESOLVED);
        assertThat(f.result).isEqualTo("QĐ 12");
        assertThat(f.resolvedAt).isEqualTo(resolved);
        assertThat(f.closedAt).isEqualTo(resolved);
        assertThat(f.late).isTrue();
        assertThat(f.digitisedResult).isTrue();
        assertThat(details).containsEntry("late", true);
    }

    @Test
    void rejectingClearsTheStepAndOfficialAndReturningClearsTheOfficial() {
        LifecycleEffects.Fields rejected = processingAtStep();
        Map<String, Object> details = new LinkedHashMap<>();
        assertThat(LifecycleEffects.apply(rejected, Transition.REJECT, new LifecycleEffects.Input("Không đủ điều kiện", null, null,
                "OTHER", null, null, null), at("2024-03-05T10:00:00"), rules, () -> 10, details)).isEmpty();
        assertThat(rejected.currentStepId).isNull();
        assertThat(rejected.currentOfficialId).isNull();
        assertThat(rejected.rejectReason).isEqualTo("Không đủ điều kiện");
        assertThat(details).containsEntry("category", "OTHER");

        LifecycleEffects.Fields returned = processingAtStep();
        LifecycleEffects.apply(returned, Transition.RESOLVE, new LifecycleEffects.Input(null, "QĐ 1", null, null, null, null, null),
                at("2024-03-06T10:00:00"), rules, () -> 10, new LinkedHashMap<>());
        LifecycleEffects.apply(returned, Transition.RETURN, NONE, at("2024-03-07T10:00:00"), rules, () -> 10, new LinkedHashMap<>());
        assertThat(returned.status).isEqualTo(DossierStatus.RETURNED);
        assertThat(returned.currentStepId).isEqualTo(7L);
        assertThat(returned.currentOfficialId).isNull();
    }

    @Test
    void anApologyMustPromiseADayAfterTheDueDateAndChangesNothingOtherwise() {
        LifecycleEffects.Fields f = processingAtStep();
        LocalDate due = f.dueDate;
        assertThat(LifecycleEffects.apply(f, Transition.ISSUE_APOLOGY, new LifecycleEffects.Input("Chậm", null, null, null, due, null, null),
                at("2024-03-20T10:00:00"), rules, () -> 10, new LinkedHashMap<>()))
                .get().extracting(LifecycleEffects.Refusal::field, LifecycleEffects.Refusal::code)
                .containsExactly("newAppointmentDate", "INVALID_DATE");
        assertThat(f.apologyIssuedAt).isNull();
        assertThat(f.status).isEqualTo(DossierStatus.PROCESSING);
    }

    @Test
    void missingInputIsNamedBeforeTheDossierIsLookedAt() {
        assertThat(LifecycleEffects.inputRefusal(Transition.REQUEST_SUPPLEMENT, NONE)).get()
                .extracting(LifecycleEffects.Refusal::field, LifecycleEffects.Refusal::code).containsExactly("reason", "REQUIRED");
        assertThat(LifecycleEffects.inputRefusal(Transition.RATE, new LifecycleEffects.Input(null, null, null, null, null, null, 6)))
                .get().extracting(LifecycleEffects.Refusal::code).isEqualTo("OUT_OF_RANGE");
        assertThat(LifecycleEffects.inputRefusal(Transition.WITHDRAW, NONE)).isEmpty();
    }
}
