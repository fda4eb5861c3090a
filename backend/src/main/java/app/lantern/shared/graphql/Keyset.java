package app.lantern.shared.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Keyset pagination over several sort keys with mixed directions, the last key unique (the row's
 * id): the ORDER BY clause, the "after this cursor" condition and the cursor's values.
 */
public final class Keyset {

    private static final String SEPARATOR = "\u001f";

    /** A sort key: an SQL expression, its direction and the Java type of its values. */
    public record Key(String expression, boolean descending, Class<?> type) {
    }

    private final List<Key> keys;

    public Keyset(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** ORDER BY for the page: reversed for a backward page (the rows are put back in order later). */
    public String orderBy(boolean backward) {
        StringJoiner order = new StringJoiner(", ");
        for (Key key : keys) {
            boolean descending = key.descending() != backward;
            order.add(key.expression() + (descending ? " desc" : " asc"));
        }
        return order.toString();
    }

    /** The condition "comes after the cursor" in fetch order, binding the cursor's values into {@code params}. */
    public String after(String cursor, boolean backward, MapSqlParameterSource params, String argument) {
        String[] values = cursor.split(SEPARATOR, -1);
        if (values.length != keys.size()) {
            throw new InvalidInputException(argument, "The cursor does not belong to this list or its order; start again from the first page");
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringJoiner and = new StringJoiner(" and ", "(", ")");
            for (int j = 0; j < i; j++) {
                and.add(keys.get(j).expression() + " = :k" + j);
            }
            boolean descending = keys.get(i).descending() != backward;
            and.add(keys.get(i).expression() + (descending ? " < :k" : " > :k") + i);
            alternatives.add(and.toString());
        }
        for (int i = 0; i < keys.size(); i++) {
            params.addValue("k" + i, parse(values[i], keys.get(i).type(), argument));
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /** The cursor of a row from its key values, in the order of the keys. */
    public static String cursor(Object... values) {
        return String.join(SEPARATOR, Arrays.stream(values).map(Keyset::format).toList());
    }

    private static String format(Object value) {
        return switch (value) {
            case OffsetDateTime time -> time.toInstant().toString();
            default -> String.valueOf(value);
        };
    }

    private static Object parse(String value, Class<?> type, String argument) {
        try {
            if (type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == Instant.class) {
                return Instant.parse(value).atOffset(ZoneOffset.UTC);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(value);
            }
            return value;
        } catch (RuntimeException e) {
            throw new InvalidInputException(argument, "The cursor does not belong to this list or its order; start again from the first page");
        }
    }
}
