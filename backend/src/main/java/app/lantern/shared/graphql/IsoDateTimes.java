package app.lantern.shared.graphql;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads ISO-8601 instants with offset. The shape partner systems send ({@code 2023-12-08T09:30:00+07:00},
 * optionally with a fraction of a second, or {@code Z}) is read digit by digit; anything else goes
 * to {@link OffsetDateTime#parse}, which decides and explains. A 1,000-dossier sync carries some
 * 4,000 of them, and the general parser had taken about a tenth of such a request's CPU time.
 */
final class IsoDateTimes {

    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private IsoDateTimes() {
    }

    /** The instant written in {@code text}; a {@link java.time.format.DateTimeParseException} when it is not ISO-8601. */
    static OffsetDateTime parse(CharSequence text) {
        OffsetDateTime common = parseCommonShape(text);
        return common != null ? common : OffsetDateTime.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)} when the text has that shape and is a real date and time; otherwise null. */
    static OffsetDateTime parseCommonShape(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            nano = digits(s, start, i) * SCALE[9 - length];
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, i + 3);
            int minutes = digits(s, i + 4, i + 6);
            if ((hours | minutes) < 0 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            if (seconds > 18 * 3600) {
                return null;
            }
            offset = ZoneOffset.ofTotalSeconds(s.charAt(i) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null; // e.g. 30 February: the general parser says what is wrong
        }
    }

    /** The number written by {@code s[from, to)}, or -1 unless all are ASCII digits. */
    private static int digits(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
