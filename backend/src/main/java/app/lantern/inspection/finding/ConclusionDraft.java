package app.lantern.inspection.finding;

import java.time.Instant;

/** The lead's saved draft of a plan's conclusion summary: who saved it last, when, and its version for optimistic locking. */
public record ConclusionDraft(long planId, String summary, Instant updatedAt, String updatedBy, int version) {
}
