package app.lantern.inspection.selfreport;

import java.time.Instant;

/** A target unit's self-inspection report as stored; its lists load separately. */
public record SelfInspectionReport(long key, long planId, long unitId, ReportLifecycle.Status status, int legalReviewed, int legalExpired,
                         int legalInForce, int legalAmend, int legalAbolish, String proposals, Instant submittedAt,
                         boolean submittedLate, String returnReason, int version) {

    /** A difficulty the unit reports. */
    public record Difficulty(long reportId, int ordinal, String category, String description) {
    }

    /** A procedure the unit proposes to simplify. */
    public record Simplification(long reportId, int ordinal, long procedureId, String proposal) {
    }

    /** Legal documents reviewed, as the SDL's {@code LegalDocumentReview}. */
    public record LegalDocuments(int reviewed, int expired, int inForce, int proposedForAmendment, int proposedForAbolition) {
    }

    public LegalDocuments legalDocuments() {
        return new LegalDocuments(legalReviewed, legalExpired, legalInForce, legalAmend, legalAbolish);
    }
}
