package app.lantern.inspection.finding;

import java.time.Instant;

/** An entry of a recommendation's follow-up timeline; {@code by} is the display name. */
public record FollowUpEntry(long findingId, String kind, String text, String by, Instant at) {
}
