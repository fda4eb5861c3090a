package app.lantern.shared.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global IDs for {@code Node}: the type name and the row's key, base64url-encoded. Clients
 * must not parse them; the server checks the type on the way back in.
 */
public final class NodeId {

    private NodeId() {
    }

    public static String encode(String type, Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The type named by an ID, or null when the ID is not one of ours. */
    public static String typeOf(String id) {
        String decoded = decode(id);
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        return colon <= 0 ? null : decoded.substring(0, colon);
    }

    /** The numeric key of an ID of the given type; {@link NotFoundException} for anything else. */
    public static long longKey(String id, String expectedType) {
        String decoded = decode(id);
        String prefix = expectedType + ":";
        if (decoded != null && decoded.startsWith(prefix)) {
            try {
                return Long.parseLong(decoded.substring(prefix.length()));
            } catch (NumberFormatException ignored) {
                // falls through to the uniform answer
            }
        }
        throw new NotFoundException("No " + expectedType + " with ID " + id);
    }

    private static String decode(String id) {
        if (id == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
