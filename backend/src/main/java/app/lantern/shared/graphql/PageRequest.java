package app.lantern.shared.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Relay arguments of a connection, checked: either {@code first}/{@code after} (forward) or
 * {@code last}/{@code before} (backward), never both; 20 items when no size is given. Sizes above
 * the limit never get here: {@code PageSizeValidation} refuses them before execution.
 *
 * @param size     items wanted
 * @param cursor   decoded cursor to continue from, or null for the start (or end)
 * @param backward whether the page is taken from the end ({@code last}/{@code before})
 */
public record PageRequest(int size, String cursor, boolean backward) {

    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer first, String after, Integer last, String before) {
        if ((first != null || after != null) && (last != null || before != null)) {
            throw new InvalidInputException("first", "Use either first/after or last/before, not both");
        }
        if (last != null || before != null) {
            return new PageRequest(last == null ? DEFAULT_SIZE : last, decodeCursor(before, "before"), true);
        }
        return new PageRequest(first == null ? DEFAULT_SIZE : first, decodeCursor(after, "after"), false);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int limit() {
        return size + 1;
    }

    public static String encodeCursor(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor, String argument) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("c:")) {
                return decoded.substring(2);
            }
        } catch (IllegalArgumentException ignored) {
            // falls through
        }
        throw new InvalidInputException(argument, "'" + cursor + "' is not a cursor of this list; use a cursor from pageInfo or edges");
    }
}
