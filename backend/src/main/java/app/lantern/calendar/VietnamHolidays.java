package app.lantern.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Vietnam's public holidays for civil servants 2021–2026, as the Government's annual notices
 * arranged them (Labour Code 2019, Art. 112: New Year, five days of Tết, Hùng Kings' day, 30 April,
 * 1 May, two days for National Day; a holiday on a weekend gives a day off on the next working day;
 * swapped days are worked on a Saturday). Only weekdays matter for counting, but the named holiday
 * is listed even when it fell on a weekend.
 *
 * <p>The same days are seeded into {@code calendar_day} by Liquibase ({@code CalendarSeedIT} checks
 * that they agree); administrators maintain the table from then on.
 */
public final class VietnamHolidays {

    private VietnamHolidays() {
    }

    public enum Kind { HOLIDAY, COMPENSATORY_WORKING_DAY }

    public record Day(LocalDate date, Kind kind, String name) {
    }

    private static Day off(String date, String name) {
        return new Day(LocalDate.parse(date), Kind.HOLIDAY, name);
    }

    private static Day work(String date, String name) {
        return new Day(LocalDate.parse(date), Kind.COMPENSATORY_WORKING_DAY, name);
    }

    public static final List<Day> DAYS = List.of(
            // 2021
            off("2021-01-01", "Tết Dương lịch"),
            off("2021-02-10", "Tết Nguyên đán Tân Sửu (29 Tết)"),
            off("2021-02-11", "Tết Nguyên đán Tân Sửu (30 Tết)"),
            off("2021-02-12", "Tết Nguyên đán Tân Sửu (Mùng 1)"),
            off("2021-02-15", "Tết Nguyên đán Tân Sửu (Mùng 4)"),
            off("2021-02-16", "Tết Nguyên đán Tân Sửu (Mùng 5)"),
            off("2021-04-21", "Giỗ Tổ Hùng Vương"),
            off("2021-04-30", "Ngày Chiến thắng"),
            off("2021-05-01", "Ngày Quốc tế Lao động"),
            off("2021-05-03", "Nghỉ bù Ngày Quốc tế Lao động"),
            off("2021-09-02", "Quốc khánh"),
            off("2021-09-03", "Quốc khánh (ngày thứ hai)"),
            // 2022
            off("2022-01-01", "Tết Dương lịch"),
            off("2022-01-03", "Nghỉ bù Tết Dương lịch"),
            off("2022-01-31", "Tết Nguyên đán Nhâm Dần (29 Tết)"),
            off("2022-02-01", "Tết Nguyên đán Nhâm Dần (Mùng 1)"),
            off("2022-02-02", "Tết Nguyên đán Nhâm Dần (Mùng 2)"),
            off("2022-02-03", "Tết Nguyên đán Nhâm Dần (Mùng 3)"),
            off("2022-02-04", "Tết Nguyên đán Nhâm Dần (Mùng 4)"),
            off("2022-04-10", "Giỗ Tổ Hùng Vương"),
            off("2022-04-11", "Nghỉ bù Giỗ Tổ Hùng Vương"),
            off("2022-04-30", "Ngày Chiến thắng"),
            off("2022-05-01", "Ngày Quốc tế Lao động"),
            off("2022-05-02", "Nghỉ bù Ngày Chiến thắng"),
            off("2022-05-03", "Nghỉ bù Ngày Quốc tế Lao động"),
            off("2022-09-01", "Quốc khánh (ngày thứ nhất)"),
            off("2022-09-02", "Quốc khánh"),
            // 2023
            off("2023-01-01", "Tết Dương lịch"),
            off("2023-01-02", "Nghỉ bù Tết Dương lịch"),
            off("2023-01-20", "Tết Nguyên đán Quý Mão (29 Tết)"),
            off("2023-01-23", "Tết Nguyên đán Quý Mão (Mùng 2)"),
            off("2023-01-24", "Tết Nguyên đán Quý Mão (Mùng 3)"),
            off("2023-01-25", "Tết Nguyên đán Quý Mão (Mùng 4)"),
            off("2023-01-26", "Tết Nguyên đán Quý Mão (Mùng 5)"),
            off("2023-04-29", "Giỗ Tổ Hùng Vương"),
            off("2023-04-30", "Ngày Chiến thắng"),
            off("2023-05-01", "Ngày Quốc tế Lao động"),
            off("2023-05-02", "Nghỉ bù Giỗ Tổ Hùng Vương"),
            off("2023-05-03", "Nghỉ bù Ngày Chiến thắng"),
            off("2023-09-01", "Quốc khánh (ngày thứ nhất)"),
            off("2023-09-02", "Quốc khánh"),
            off("2023-09-04", "Nghỉ bù Quốc khánh"),
            // 2024
            off("2024-01-01", "Tết Dương lịch"),
            off("2024-02-08", "Tết Nguyên đán Giáp Thìn (28 Tết)"),
            off("2024-02-09", "Tết Nguyên đán Giáp Thìn (29 Tết)"),
            off("2024-02-12", "Tết Nguyên đán Giáp Thìn (Mùng 3)"),
            off("2024-02-13", "Tết Nguyên đán Giáp Thìn (nghỉ bù)"),
            off("2024-02-14", "Tết Nguyên đán Giáp Thìn (nghỉ bù)"),
            off("2024-04-18", "Giỗ Tổ Hùng Vương"),
            off("2024-04-29", "Nghỉ hoán đổi (làm bù Thứ Bảy 04/5/2024)"),
            off("2024-04-30", "Ngày Chiến thắng"),
            off("2024-05-01", "Ngày Quốc tế Lao động"),
            work("2024-05-04", "Làm bù cho Thứ Hai 29/4/2024"),
            off("2024-09-02", "Quốc khánh"),
            off("2024-09-03", "Quốc khánh (ngày thứ hai)"),
            // 2025
            off("2025-01-01", "Tết Dương lịch"),
            off("2025-01-27", "Nghỉ hoán đổi (làm bù Thứ Bảy 08/02/2025)"),
            off("2025-01-28", "Tết Nguyên đán Ất Tỵ (29 Tết)"),
            off("2025-01-29", "Tết Nguyên đán Ất Tỵ (Mùng 1)"),
            off("2025-01-30", "Tết Nguyên đán Ất Tỵ (Mùng 2)"),
            off("2025-01-31", "Tết Nguyên đán Ất Tỵ (Mùng 3)"),
            work("2025-02-08", "Làm bù cho Thứ Hai 27/01/2025"),
            off("2025-04-07", "Giỗ Tổ Hùng Vương"),
            work("2025-04-26", "Làm bù cho Thứ Sáu 02/5/2025"),
            off("2025-04-30", "Ngày Chiến thắng"),
            off("2025-05-01", "Ngày Quốc tế Lao động"),
            off("2025-05-02", "Nghỉ hoán đổi (làm bù Thứ Bảy 26/4/2025)"),
            off("2025-09-01", "Quốc khánh (ngày thứ nhất)"),
            off("2025-09-02", "Quốc khánh"),
            // 2026 (the second National Day holiday is announced later in the year: an admin adds it)
            off("2026-01-01", "Tết Dương lịch"),
            off("2026-02-16", "Tết Nguyên đán Bính Ngọ (cuối năm Ất Tỵ)"),
            off("2026-02-17", "Tết Nguyên đán Bính Ngọ (Mùng 1)"),
            off("2026-02-18", "Tết Nguyên đán Bính Ngọ (Mùng 2)"),
            off("2026-02-19", "Tết Nguyên đán Bính Ngọ (Mùng 3)"),
            off("2026-02-20", "Tết Nguyên đán Bính Ngọ (Mùng 4)"),
            off("2026-04-26", "Giỗ Tổ Hùng Vương"),
            off("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương"),
            off("2026-04-30", "Ngày Chiến thắng"),
            off("2026-05-01", "Ngày Quốc tế Lao động"),
            off("2026-09-02", "Quốc khánh"));

    public static WorkingDays calendar() {
        return new WorkingDays(
                DAYS.stream().filter(d -> d.kind() == Kind.HOLIDAY).map(Day::date).toList(),
                DAYS.stream().filter(d -> d.kind() == Kind.COMPENSATORY_WORKING_DAY).map(Day::date).toList());
    }
}
