package app.lantern.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates counted by hand on a paper calendar, across Tết, the 30/4–1/5 swaps and weekends.
 * Each row says which days were counted, so a reader can check it without running anything.
 */
class DeadlinesTest {

    private final Deadlines rules = new Deadlines(WorkingDays.vietnam());

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @ParameterizedTest(name = "received {0}, {1} working days -> due {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-05 | 5  | 2024-01-12 | Fri: Mon 8 .. Fri 12, the weekend skipped
            2024-01-05 | 1  | 2024-01-08 | received Friday afternoon: day 1 is Monday
            2021-02-09 | 2  | 2021-02-18 | Tết Tân Sửu off 10–16 Feb: Wed 17, Thu 18
            2022-01-28 | 1  | 2022-02-07 | Tết Nhâm Dần off 31 Jan–4 Feb: Mon 7
            2023-01-19 | 3  | 2023-01-31 | Tết Quý Mão off 20–26 Jan: Fri 27, Mon 30, Tue 31
            2024-02-06 | 10 | 2024-02-27 | Wed 7; Tết Giáp Thìn off 8–14 Feb; 15,16,19,20,21,22,23,26,27
            2024-04-26 | 3  | 2024-05-04 | off 29/4 (swapped), 30/4, 1/5: Thu 2, Fri 3, Sat 4 (worked in exchange)
            2024-04-26 | 4  | 2024-05-06 | ... then Mon 6
            2024-04-27 | 1  | 2024-05-02 | received online on a Saturday: first working day after is Thu 2 May
            2025-01-24 | 5  | 2025-02-07 | off 27–31 Jan (27 swapped): Mon 3 .. Fri 7 Feb
            2025-01-24 | 6  | 2025-02-08 | ... Sat 8 Feb is worked in exchange for 27 Jan
            2025-01-01 | 2  | 2025-01-03 | received on New Year's Day: Thu 2, Fri 3
            2023-04-28 | 2  | 2023-05-05 | off 29/4–3/5 (Hùng Kings, 30/4 and 1/5 with their days in lieu): Thu 4, Fri 5
            2025-08-29 | 1  | 2025-09-03 | National Day 80: off 30/8–2/9: Wed 3
            2024-08-30 | 3  | 2024-09-06 | off 2–3 Sep: Wed 4, Thu 5, Fri 6
            """)
    void dueDateCountsWorkingDaysFromTheDayAfterReceipt(String received, int days, String due, String why) {
        assertThat(rules.dueDate(d(received), days)).as(why).isEqualTo(d(due));
    }

    @Test
    void dueDateOfAnInstantUsesTheVietnameseDate() {
        // 17:30 UTC on Thursday 4 Jan 2024 is 00:30 on Friday 5 Jan in Hanoi: counted from Friday
        Instant lateEvening = Instant.parse("2024-01-04T17:30:00Z");
        assertThat(rules.dueDate(lateEvening, 1)).isEqualTo(d("2024-01-08"));
        assertThat(rules.dueDate(Instant.parse("2024-01-04T09:00:00Z"), 1)).isEqualTo(d("2024-01-05"));
    }

    @Test
    void weekendsHolidaysAndCompensatoryDays() {
        WorkingDays days = WorkingDays.vietnam();
        assertThat(days.isWorkingDay(d("2024-05-04"))).as("Saturday worked in exchange").isTrue();
        assertThat(days.isWorkingDay(d("2024-05-11"))).as("ordinary Saturday").isFalse();
        assertThat(days.isWorkingDay(d("2024-04-29"))).as("Monday swapped off").isFalse();
        assertThat(days.isWorkingDay(d("2023-01-26"))).as("Mùng 5 Tết Quý Mão").isFalse();
        assertThat(days.isWorkingDay(d("2023-01-27"))).isTrue();
        assertThat(days.workingDaysBetween(d("2024-02-06"), d("2024-02-16"))).as("Wed 7, Thu 15, Fri 16").isEqualTo(3);
        assertThat(days.workingDaysBetween(d("2024-02-16"), d("2024-02-06"))).isZero();
    }

    @Test
    void supplementPausesTheClockAndCountingResumesTheWorkingDayAfter() {
        // 10 days from Mon 4 Mar 2024; supplement asked on Thu 7 Mar: Tue 5, Wed 6, Thu 7 used
        int used = rules.workingDaysUsed(d("2024-03-04"), 0, d("2024-03-07"));
        assertThat(used).isEqualTo(3);
        // complete dossier back Fri 15 Mar: 7 left = Mon 18, 19, 20, 21, 22, Mon 25, Tue 26
        assertThat(rules.dueDateAfterSupplement(d("2024-03-15"), 10, used)).isEqualTo(d("2024-03-26"));
    }

    @Test
    void supplementAcrossTet() {
        // 5 days from Thu 1 Feb 2024 would be due Thu 15 Feb (Fri 2, Mon 5, Tue 6, Wed 7, Thu 15)
        assertThat(rules.dueDate(d("2024-02-01"), 5)).isEqualTo(d("2024-02-15"));
        int used = rules.workingDaysUsed(d("2024-02-01"), 0, d("2024-02-06"));
        assertThat(used).isEqualTo(3);
        // back on Fri 9 Feb, in Tết: counting resumes on Thu 15 (4), Fri 16 (5)
        assertThat(rules.dueDateAfterSupplement(d("2024-02-09"), 5, used)).isEqualTo(d("2024-02-16"));
        // a second pause keeps the days of the first: asked again Thu 15 Feb, 4 used, back Mon 19 -> Tue 20
        int usedTwice = rules.workingDaysUsed(d("2024-02-09"), used, d("2024-02-15"));
        assertThat(usedTwice).isEqualTo(4);
        assertThat(rules.dueDateAfterSupplement(d("2024-02-19"), 5, usedTwice)).isEqualTo(d("2024-02-20"));
    }

    @Test
    void allowanceUsedUpBeforeThePauseMakesItDueOnReturn() {
        assertThat(rules.dueDateAfterSupplement(d("2024-03-15"), 3, 5)).isEqualTo(d("2024-03-15"));
    }

    @Test
    void lateMeansResolvedAfterTheDueDateInVietnameseTime() {
        LocalDate due = d("2024-02-27");
        assertThat(Deadlines.isLate(due, OffsetDateTime.parse("2024-02-27T16:59:00+07:00").toInstant())).isFalse();
        assertThat(Deadlines.isLate(due, OffsetDateTime.parse("2024-02-28T08:00:00+07:00").toInstant())).isTrue();
        assertThat(Deadlines.isLate(due, Instant.parse("2024-02-27T17:30:00Z"))).as("00:30 on the 28th in Hanoi").isTrue();
        assertThat(Deadlines.isLate(due, null)).as("not resolved yet").isFalse();
    }

    @Test
    void overdueMeansOpenWithTheClockRunningPastTheDueDate() {
        LocalDate due = d("2024-02-27");
        assertThat(Deadlines.isOverdue(due, true, d("2024-02-27"))).isFalse();
        assertThat(Deadlines.isOverdue(due, true, d("2024-02-28"))).isTrue();
        assertThat(Deadlines.isOverdue(due, false, d("2024-03-28"))).as("paused for a supplement").isFalse();
    }

    @Test
    void carriedOverMeansReceivedBeforeThePeriodAndStillOpenAtItsStart() {
        LocalDate start = d("2021-07-15");
        Instant before = OffsetDateTime.parse("2021-07-14T10:00:00+07:00").toInstant();
        assertThat(Deadlines.isCarriedOver(before, null, start)).isTrue();
        assertThat(Deadlines.isCarriedOver(Instant.parse("2021-07-14T23:30:00Z"), null, start))
                .as("06:30 on 15 July in Hanoi: inside the period").isFalse();
        assertThat(Deadlines.isCarriedOver(before, OffsetDateTime.parse("2021-07-14T16:00:00+07:00").toInstant(), start)).isFalse();
        assertThat(Deadlines.isCarriedOver(before, OffsetDateTime.parse("2021-07-15T09:00:00+07:00").toInstant(), start)).isTrue();
    }

    @Test
    void stepOverrunIsWorkingDaysBeyondTheAllowance() {
        // entered Mon 4 Mar 2024, left Fri 8 Mar: Tue, Wed, Thu, Fri = 4 days for an allowance of 3
        assertThat(rules.overrun(d("2024-03-04"), d("2024-03-08"), 0, 3)).isEqualTo(1);
        assertThat(rules.overrun(d("2024-03-04"), d("2024-03-06"), 0, 3)).isZero();
        // entered Wed 7 Feb 2024, left Thu 15 Feb: only Thu 15 counts (Tết) -> within 1 day
        assertThat(rules.overrun(d("2024-02-07"), d("2024-02-15"), 0, 1)).isZero();
    }
}
