package app.lantern.inspection.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Reproducible random sampling, pure: the population (ordered by dossier id), the size, whether
 * stratified and the seed string decide the sample completely. The seed's SHA-256 seeds a
 * {@link SplittableRandom}; a partial Fisher–Yates shuffle picks the dossiers. Stratified by field,
 * the size is allocated to the fields in proportion to their share of the population by the
 * largest-remainder method (ties to the field first in alphabetical order), and each field is
 * sampled in turn, fields in alphabetical order.
 */
public final class Sampler {

    private Sampler() {
    }

    /** A dossier that may be drawn, with the field of its procedure. */
    public record Candidate(long dossierId, String field) {
    }

    /** A drawn dossier in draw order, with its stratum (null when not stratified). */
    public record Drawn(long dossierId, String stratum) {
    }

    /** Draws {@code size} dossiers (at most the population) from {@code population}, which must be ordered by id. */
    public static List<Drawn> draw(List<Candidate> population, int size, boolean stratify, String seed) {
        SplittableRandom random = new SplittableRandom(seedOf(seed));
        if (!stratify) {
            return pick(population, Math.min(size, population.size()), random, null);
        }
        Map<String, List<Candidate>> strata = new TreeMap<>();
        population.forEach(c -> strata.computeIfAbsent(c.field(), k -> new ArrayList<>()).add(c));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        strata.forEach((field, members) -> sizes.put(field, members.size()));
        Map<String, Integer> quota = allocate(sizes, Math.min(size, population.size()));
        List<Drawn> drawn = new ArrayList<>();
        strata.forEach((field, members) -> drawn.addAll(pick(members, quota.get(field), random, field)));
        return drawn;
    }

    /**
     * Largest-remainder (Hamilton) allocation of {@code size} over strata of the given sizes, in
     * their iteration order: each gets the whole part of its proportional share, and the units
     * left over go to the largest remainders (ties to the stratum that comes first).
     */
    public static Map<String, Integer> allocate(Map<String, Integer> strata, int size) {
        long total = strata.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Integer> result = new LinkedHashMap<>();
        if (total == 0) {
            strata.keySet().forEach(k -> result.put(k, 0));
            return result;
        }
        List<String> keys = new ArrayList<>(strata.keySet());
        Map<String, Long> remainders = new LinkedHashMap<>();
        int given = 0;
        for (String key : keys) {
            long share = (long) size * strata.get(key);
            int whole = (int) (share / total);
            result.put(key, whole);
            remainders.put(key, share % total);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(keys);
        byRemainder.sort(Comparator.comparing((String k) -> remainders.get(k)).reversed().thenComparingInt(keys::indexOf));
        for (int i = 0; i < size - given; i++) {
            result.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return result;
    }

    private static List<Drawn> pick(List<Candidate> members, int count, SplittableRandom random, String stratum) {
        int[] index = new int[members.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        List<Drawn> drawn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(index.length - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
            drawn.add(new Drawn(members.get(index[i]).dossierId(), stratum));
        }
        return drawn;
    }

    /** The first eight bytes of the seed's SHA-256: the same on every machine and JVM. */
    static long seedOf(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
