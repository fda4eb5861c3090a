package app.lantern.inspection.sampling;

import java.time.Instant;
import java.util.List;

/** A drawn sample as stored; {@code examinedCount} is computed when read. */
public record DossierSample(long key, long planId, String name, Long unitId, List<String> outcomes, String field, Long procedureId,
                            int populationSize, boolean stratified, String seed, int size, String drawnBy, Instant drawnAt,
                            int examinedCount) {

    /** The population as the SDL's {@code DossierSamplePopulation} shows it. */
    public record Population(Long unitId, List<String> outcomes, String field, Long procedureId, int size) {
    }

    public Population population() {
        return new Population(unitId, outcomes, field, procedureId, populationSize);
    }

    /** One sampled dossier and its examination (result null until examined). */
    public record Item(long sampleId, int ordinal, String stratum, long dossierId, String result, String note, String examinedBy,
                       Instant examinedAt) {

        public ItemRef ref() {
            return new ItemRef(sampleId, ordinal);
        }
    }

    /** Names one item: its sample and its position in it. */
    public record ItemRef(long sampleId, int ordinal) {
    }
}
