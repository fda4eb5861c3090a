package app.lantern.inspection.finding;

/** One piece of evidence of a finding: exactly the id that its kind names is set. */
public record FindingEvidence(long findingId, int ordinal, String kind, Long dossierId, Long procedureId, Long sampleId,
                              Integer sampleOrdinal, Long documentId, String note) {
}
