package app.lantern.dossier;

import app.lantern.calendar.WorkingDays;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Receipt codes: the unit's code, the receipt date and the dossier's number, e.g. {@code NA-QUYHOP-230415-000123}. */
public final class ReceiptCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private ReceiptCodes() {
    }

    public static String of(String unitCode, Instant receivedAt, long number) {
        return unitCode + "-" + DAY.format(WorkingDays.localDate(receivedAt)) + "-" + String.format("%06d", number);
    }
}
