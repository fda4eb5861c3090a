package app.lantern.inspection.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.inspection.sampling.Sampler.Candidate;
import app.lantern.inspection.sampling.Sampler.Drawn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SamplerTest {

    /** 100 dossiers: 50 LAND, 30 HEALTH, 20 CULTURE, interleaved, ordered by id. */
    private static List<Candidate> population() {
        List<Candidate> list = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            list.add(new Candidate(id * 7, id % 10 < 5 ? "LAND" : id % 10 < 8 ? "HEALTH" : "CULTURE"));
        }
        return list;
    }

    private static List<Long> ids(List<Drawn> drawn) {
        return drawn.stream().map(Drawn::dossierId).toList();
    }

    @Test
    void theSameSeedAndPopulationDrawTheSameDossiersInTheSameOrder() {
        assertThat(ids(Sampler.draw(population(), 20, false, "QH-2024"))).isEqualTo(ids(Sampler.draw(population(), 20, false, "QH-2024")));
        assertThat(ids(Sampler.draw(population(), 20, true, "QH-2024"))).isEqualTo(ids(Sampler.draw(population(), 20, true, "QH-2024")));
        assertThat(ids(Sampler.draw(population(), 20, false, "QH-2025"))).isNotEqualTo(ids(Sampler.draw(population(), 20, false, "QH-2024")));
        // pinned: SHA-256 and SplittableRandom are specified, so every machine draws these
        assertThat(ids(Sampler.draw(population(), 5, false, "QH-2024"))).isEqualTo(PINNED);
    }

    static final List<Long> PINNED = List.of(238L, 413L, 665L, 84L, 658L);

    @Test
    void aDrawHoldsDistinctMembersOfThePopulationAtMostItsSize() {
        List<Candidate> population = population();
        List<Long> members = population.stream().map(Candidate::dossierId).toList();
        for (int size : new int[] {1, 37, 100, 150}) {
            for (boolean stratify : new boolean[] {false, true}) {
                List<Long> drawn = ids(Sampler.draw(population, size, stratify, "seed-" + size));
                assertThat(drawn).hasSize(Math.min(size, 100)).doesNotHaveDuplicates();
                assertThat(members).containsAll(drawn);
            }
        }
        assertThat(Sampler.draw(List.of(), 5, true, "x")).isEmpty();
    }

    @Test
    void largestRemainderAllocationIsProportionalAndAddsUp() {
        Map<String, Integer> strata = new LinkedHashMap<>();
        strata.put("CULTURE", 20);
        strata.put("HEALTH", 30);
        strata.put("LAND", 50);
        // shares of 7: 1.4, 2.1, 3.5 → 1, 2, 3 and the one left to the largest remainder (LAND)
        assertThat(Sampler.allocate(strata, 7)).containsExactly(Map.entry("CULTURE", 1), Map.entry("HEALTH", 2), Map.entry("LAND", 4));
        // shares of 10: 2, 3, 5 exactly
        assertThat(Sampler.allocate(strata, 10)).containsExactly(Map.entry("CULTURE", 2), Map.entry("HEALTH", 3), Map.entry("LAND", 5));
        // equal remainders go to the stratum that comes first
        Map<String, Integer> even = new LinkedHashMap<>();
        even.put("A", 1);
        even.put("B", 1);
        even.put("C", 1);
        assertThat(Sampler.allocate(even, 2)).containsExactly(Map.entry("A", 1), Map.entry("B", 1), Map.entry("C", 0));
        // any sizes: the allocation adds up, never exceeds a stratum and is within one of the exact share
        SplittableRandom random = new SplittableRandom(2960);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> sizes = new TreeMap<>();
            int total = 0;
            for (int s = 0; s < 1 + random.nextInt(8); s++) {
                int n = 1 + random.nextInt(200);
                sizes.put("F" + s, n);
                total += n;
            }
            int size = 1 + random.nextInt(total);
            Map<String, Integer> quota = Sampler.allocate(sizes, size);
            assertThat(quota.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(size);
            for (String key : sizes.keySet()) {
                double exact = (double) size * sizes.get(key) / total;
                assertThat(quota.get(key)).isLessThanOrEqualTo(sizes.get(key)).isBetween((int) Math.floor(exact), (int) Math.ceil(exact));
            }
        }
    }

    @Test
    void aStratifiedDrawTakesEachFieldsAllocationFromThatField() {
        List<Drawn> drawn = Sampler.draw(population(), 7, true, "strata");
        Map<String, Integer> taken = new LinkedHashMap<>();
        drawn.forEach(d -> taken.merge(d.stratum(), 1, Integer::sum));
        assertThat(taken).containsExactly(Map.entry("CULTURE", 1), Map.entry("HEALTH", 2), Map.entry("LAND", 4));
        Map<Long, String> fieldOf = new LinkedHashMap<>();
        population().forEach(c -> fieldOf.put(c.dossierId(), c.field()));
        assertThat(drawn).allMatch(d -> d.stratum().equals(fieldOf.get(d.dossierId())));
        assertThat(Sampler.draw(population(), 7, false, "strata")).allMatch(d -> d.stratum() == null);
    }
}
