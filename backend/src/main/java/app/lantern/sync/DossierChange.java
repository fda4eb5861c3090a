package app.lantern.sync;

import app.lantern.dossier.DossierStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * One write to a dossier, as the change feed holds it.
 *
 * @param xid the writing transaction's id: the feed's order is (xid, id)
 */
public record DossierChange(long id, String xid, long dossierId, String receiptCode, long unitId, DossierStatus fromStatus,
                            DossierStatus toStatus, int version, Instant changedAt) {

    /** The opaque cursor that resumes the feed after this change. */
    public String cursor() {
        return Position.of(this).encode();
    }

    /** A place in the feed: after the change {@code id} of transaction {@code xid}. */
    public record Position(String xid, long id) implements Comparable<Position> {

        @Override
        public int compareTo(Position other) {
            int byXid = Long.compareUnsigned(Long.parseUnsignedLong(xid), Long.parseUnsignedLong(other.xid));
            return byXid != 0 ? byXid : Long.compare(id, other.id);
        }

        public static final Position START = new Position("0", 0);

        static Position of(DossierChange change) {
            return new Position(change.xid(), change.id());
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + xid + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** The position of a cursor; empty for one that is not Lantern's. */
        public static java.util.Optional<Position> decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
                if (parts.length != 3 || !parts[0].equals("c1")) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Position(Long.toUnsignedString(Long.parseUnsignedLong(parts[1])), Long.parseLong(parts[2])));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
