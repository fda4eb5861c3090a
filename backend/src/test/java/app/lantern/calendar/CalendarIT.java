package app.lantern.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The holiday calendar in the database: seeded like VietnamHolidays, maintained by administrators. */
class CalendarIT extends ApiTestBase {

    @Autowired
    CalendarService calendar;

    @Test
    void theSeededCalendarIsVietnamHolidays() {
        WorkingDays seeded = calendar.workingDays();
        WorkingDays expected = WorkingDays.vietnam();
        for (LocalDate d = LocalDate.of(2021, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            assertThat(seeded.isWorkingDay(d)).as(d.toString()).isEqualTo(expected.isWorkingDay(d));
        }
        inspector().documentName("calendarDays").variable("from", "2024-01-01").variable("to", "2024-12-31").execute()
                .path("calendarDays[*].day").entityList(String.class).contains("2024-02-08", "2024-05-04")
                .path("calendarDays[?(@.day == '2024-05-04')].kind").entityList(String.class).containsExactly("COMPENSATORY_WORKING_DAY");
        unitHead("NA-SYT").documentName("dueDate").variable("receivedOn", "2024-02-06").variable("workingDays", 10).execute()
                .path("dueDate").entity(String.class).isEqualTo("2024-02-27");
    }

    @Test
    void administratorsAddAndRemoveDaysAndDueDatesFollow() {
        // Friday 3 January 2031 made a holiday moves a 1-day deadline from Thursday 2 Jan to Monday 6 Jan
        unitHead("NA-SYT").documentName("dueDate").variable("receivedOn", "2031-01-02").variable("workingDays", 1).execute()
                .path("dueDate").entity(String.class).isEqualTo("2031-01-03");
        GraphQlTester.Response set = admin().documentName("calendarDaySet")
                .variable("input", Map.of("day", "2031-01-03", "kind", "HOLIDAY", "name", "Nghỉ bù Tết Dương lịch")).execute();
        set.path("calendarDaySet.userErrors").entityList(Object.class).hasSize(0);
        unitHead("NA-SYT").documentName("dueDate").variable("receivedOn", "2031-01-02").variable("workingDays", 1).execute()
                .path("dueDate").entity(String.class).isEqualTo("2031-01-06");
        admin().documentName("calendarDayRemove").variable("input", Map.of("day", "2031-01-03")).execute()
                .path("calendarDayRemove.userErrors").entityList(Object.class).hasSize(0);
        unitHead("NA-SYT").documentName("dueDate").variable("receivedOn", "2031-01-02").variable("workingDays", 1).execute()
                .path("dueDate").entity(String.class).isEqualTo("2031-01-03");
    }

    @Test
    void badCalendarInputIsNamed() {
        admin().documentName("calendarDaySet").variable("input", Map.of("day", "2031-01-07", "kind", "COMPENSATORY_WORKING_DAY", "name", "x"))
                .execute().path("calendarDaySet.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_WEEKEND_DAY")
                .path("calendarDaySet.userErrors[0].field").entityList(String.class).containsExactly("input", "kind")
                .path("calendarDaySet.calendarDay").valueIsNull();
        admin().documentName("calendarDayRemove").variable("input", Map.of("day", "2031-01-08")).execute()
                .path("calendarDayRemove.userErrors[0].field").entityList(String.class).containsExactly("input", "day");
        admin().documentName("calendarDaySet").variable("input", Map.of("day", "2031-01-09", "kind", "HOLIDAY", "name", " ")).execute()
                .path("calendarDaySet.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
    }

    @Test
    void onlyAdministratorsChangeTheCalendarAndOnlyStaffReadIt() {
        for (GraphQlTester refused : List.of(inspector(), unitHead("NA-SYT"), citizen(), partner())) {
            refused.documentName("calendarDaySet").variable("input", Map.of("day", "2031-02-03", "kind", "HOLIDAY", "name", "x"))
                    .execute().errors().satisfy(e -> assertThat(e).extracting(x -> x.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("calendarDayRemove").variable("input", Map.of("day", "2024-02-08"))
                    .execute().errors().satisfy(e -> assertThat(e).extracting(x -> x.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        for (GraphQlTester refused : List.of(citizen(), partner())) {
            refused.documentName("calendarDays").variable("from", "2024-01-01").variable("to", "2024-12-31").execute().errors()
                    .satisfy(e -> assertThat(e).extracting(x -> x.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dueDate").variable("receivedOn", "2024-01-01").variable("workingDays", 1).execute().errors()
                    .satisfy(e -> assertThat(e).extracting(x -> x.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        anonymous().documentName("calendarDays").variable("from", "2024-01-01").variable("to", "2024-12-31").execute().errors()
                .satisfy(e -> assertThat(e).extracting(x -> x.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.of(2024, 2, 8))).isFalse();
    }
}
