package app.lantern.indicator;

import app.lantern.shared.graphql.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A run of whole months, as the SDL's {@code IndicatorPeriod}: {@code kind} MONTH, QUARTER, YEAR or CUSTOM. */
public record Period(String kind, LocalDate from, LocalDate to) {

    static final int MAX_MONTHS = 120;

    public static Period month(YearMonth month) {
        return new Period("MONTH", month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The period an {@code IndicatorPeriodInput} names.
     *
     * @throws InvalidInputException naming the argument at fault
     */
    public static Period of(String kind, Integer year, Integer number, LocalDate from, LocalDate to) {
        if (kind == null) {
            throw new InvalidInputException("period.kind", "Give the kind of period");
        }
        if (!"CUSTOM".equals(kind) && (year == null || year < 2000 || year > 2100)) {
            throw new InvalidInputException("period.year", "Give a year between 2000 and 2100");
        }
        return switch (kind) {
            case "MONTH" -> {
                if (number == null || number < 1 || number > 12) {
                    throw new InvalidInputException("period.number", "A month is numbered 1 to 12");
                }
                yield month(YearMonth.of(year, number));
            }
            case "QUARTER" -> {
                if (number == null || number < 1 || number > 4) {
                    throw new InvalidInputException("period.number", "A quarter is numbered 1 to 4");
                }
                YearMonth first = YearMonth.of(year, number * 3 - 2);
                yield new Period(kind, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            case "YEAR" -> new Period(kind, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            case "CUSTOM" -> {
                if (from == null || to == null) {
                    throw new InvalidInputException(from == null ? "period.from" : "period.to", "A custom period needs from and to");
                }
                YearMonth first = YearMonth.from(from);
                YearMonth last = YearMonth.from(to);
                if (last.isBefore(first)) {
                    throw new InvalidInputException("period.to", "The period ends before it starts");
                }
                if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
                    throw new InvalidInputException("period.to", "A period covers at most " + MAX_MONTHS + " months");
                }
                yield new Period(kind, first.atDay(1), last.atEndOfMonth());
            }
            default -> throw new InvalidInputException("period.kind", "Unknown kind of period " + kind);
        };
    }
}
