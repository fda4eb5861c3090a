package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Another system's timeline played through the lifecycle and the working-day calendar. */
class DossierReplayTest {

    private final Deadlines rules = new Deadlines(WorkingDays.vietnam());
    private static final Instant NOW = OffsetDateTime.parse("2026-01-01T00:00:00+07:00").toInstant();

    private static Instant at(String time) {
        return OffsetDateTime.parse(time + "+07:00").toInstant();
    }

    private static DossierReplay.Event event(Transition t, String time) {
        return new DossierReplay.Event(t, at(time), null, null, null, null, null, null);
    }

    private static DossierReplay.Event event(Transition t, String time, String reason, String result, String category,
                                             LocalDate appointment, Integer satisfaction) {
        return new DossierReplay.Event(t, at(time), reason, result, null, category, appointment, satisfaction);
    }

    private DossierReplay.Result replay(List<DossierReplay.Event> events) {
        return DossierReplay.replay(null, null, events, 10, rules, NOW, 0);
    }

    @Test
    void aTimelineWithASupplementPauseEndsAsTheOneStopShopWouldCountIt() {
        DossierReplay.Result r = replay(List.of(
                event(Transition.RECEIVE, "2024-03-04T09:00:00"),
                event(Transition.ADVANCE, "2024-03-04T10:00:00"),
                event(Transition.REQUEST_SUPPLEMENT, "2024-03-06T10:00:00", "Thiếu giấy tờ", null, null, null, null),
                event(Transition.RESUME_AFTER_SUPPLEMENT, "2024-03-13T10:00:00"),
                event(Transition.RESOLVE, "2024-03-28T10:00:00", null, "QĐ 1", null, null, null)));
        assertThat(r.refusal()).isNull();
        int used = rules.workingDaysUsed(LocalDate.parse("2024-03-04"), 0, LocalDate.parse("2024-03-06"));
        LocalDate due = rules.dueDateAfterSupplement(LocalDate.parse("2024-03-13"), 10, used);
        assertThat(r.state().daysUsedBefore()).isEqualTo(used);
        assertThat(r.state().dueDate()).isEqualTo(due);
        assertThat(r.state().status()).isEqualTo(DossierStatus.RESOLVED);
        assertThat(r.state().late()).isEqualTo(Deadlines.isLate(due, at("2024-03-28T10:00:00")));
        assertThat(r.applied()).extracting(DossierReplay.Applied::to).containsExactly(DossierStatus.RECEIVED, DossierStatus.PROCESSING,
                DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PROCESSING, DossierStatus.RESOLVED);
    }

    @Test
    void theFirstBadEventIsNamedWithItsField() {
        assertThat(replay(List.of(event(Transition.ADVANCE, "2024-03-04T09:00:00"))).refusal())
                .extracting(DossierReplay.Refusal::index, DossierReplay.Refusal::field, DossierReplay.Refusal::code)
                .containsExactly(0, "transition", "RECEIVE_FIRST");
        assertThat(replay(List.of(event(Transition.RECEIVE, "2024-03-04T09:00:00"), event(Transition.RETURN, "2024-03-05T09:00:00")))
                .refusal()).extracting(DossierReplay.Refusal::index, DossierReplay.Refusal::code).containsExactly(1, "TRANSITION_NOT_ALLOWED");
        assertThat(replay(List.of(event(Transition.RECEIVE, "2024-03-04T09:00:00"), event(Transition.ADVANCE, "2024-03-03T09:00:00")))
                .refusal()).extracting(DossierReplay.Refusal::field, DossierReplay.Refusal::code).containsExactly("at", "OUT_OF_ORDER");
        assertThat(replay(List.of(event(Transition.RECEIVE, "2027-03-04T09:00:00"))).refusal())
                .extracting(DossierReplay.Refusal::code).isEqualTo("INVALID_TIME");
        assertThat(replay(List.of(event(Transition.RECEIVE, "2024-03-04T09:00:00"),
                event(Transition.REJECT, "2024-03-05T09:00:00", "Sai mẫu", null, null, null, null))).refusal())
                .extracting(DossierReplay.Refusal::field, DossierReplay.Refusal::code).containsExactly("rejectCategory", "REQUIRED");
    }

    @Test
    void anApologyOnlyWhenLateAndARatingOnlyOnceReturned() {
        List<DossierReplay.Event> early = List.of(event(Transition.RECEIVE, "2024-03-04T09:00:00"),
                event(Transition.ISSUE_APOLOGY, "2024-03-05T09:00:00", "Quá tải", null, null, LocalDate.parse("2024-04-30"), null));
        assertThat(replay(early).refusal()).extracting(DossierReplay.Refusal::code).isEqualTo("TRANSITION_NOT_ALLOWED");
        List<DossierReplay.Event> rated = List.of(event(Transition.RECEIVE, "2024-03-04T09:00:00"),
                event(Transition.ADVANCE, "2024-03-04T10:00:00"),
                event(Transition.RESOLVE, "2024-03-05T09:00:00", null, "QĐ 2", null, null, null),
                event(Transition.RETURN, "2024-03-05T10:00:00"),
                event(Transition.RATE, "2024-03-05T11:00:00", null, null, null, null, 5),
                event(Transition.RATE, "2024-03-05T12:00:00", null, null, null, null, 4));
        assertThat(replay(rated).refusal()).extracting(DossierReplay.Refusal::index, DossierReplay.Refusal::code)
                .containsExactly(5, "TRANSITION_NOT_ALLOWED");
    }
}
