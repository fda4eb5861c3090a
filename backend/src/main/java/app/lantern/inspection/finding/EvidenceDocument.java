package app.lantern.inspection.finding;

import java.time.Instant;

/** An uploaded evidence document's metadata; the content loads separately, for downloads only. */
public record EvidenceDocument(long key, String fileName, String contentType, int size, String sha256, String uploadedBy,
                               String uploadedByUsername, Instant uploadedAt) {
}
