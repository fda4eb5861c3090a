package app.lantern.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.WorkingDays;
import app.lantern.demo.DossierSimulator.Simulated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Same seed, same data: on every run and every machine (the hash is pinned). */
class DemoDataDeterminismTest {

    private static final int COUNT = 3000;

    private record Digest(String hash, Map<String, Integer> statuses) {
    }

    private static Digest generate(long seed) throws Exception {
        DemoCatalogue catalogue = new DemoCatalogue(seed, 1, 1, 1, 1);
        DemoDataGenerator generator = new DemoDataGenerator(catalogue, WorkingDays.vietnam(), seed, LocalDate.of(2026, 11, 20));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        catalogue.units.forEach(u -> sha.update(u.toString().getBytes(StandardCharsets.UTF_8)));
        catalogue.officials.forEach(o -> sha.update(o.toString().getBytes(StandardCharsets.UTF_8)));
        catalogue.procedures.forEach(p -> sha.update(p.toString().getBytes(StandardCharsets.UTF_8)));
        Map<String, Integer> statuses = new TreeMap<>();
        LongFunction<LocalDate> days = generator.defaultDays(1, COUNT);
        for (long id = 1; id <= COUNT; id++) {
            Simulated s = generator.simulate(id, days);
            sha.update(s.toString().getBytes(StandardCharsets.UTF_8));
            statuses.merge(s.dossier().status() + (s.dossier().late() ? "/late" : ""), 1, Integer::sum);
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), statuses);
    }

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() throws Exception {
        Digest first = generate(2960);
        Digest second = generate(2960);
        assertThat(second).isEqualTo(first);
        assertThat(generate(2961).hash()).isNotEqualTo(first.hash());
        System.out.println("Demo data digest " + first);
        assertThat(first.hash()).as("pinned: a change here changes everybody's demo data").isEqualTo(PINNED);
    }

    static final String PINNED = "af86ec4dadfc665d5733f7d5856f2025d1bf423d294f02bba9b5bb2284c3e676";
}
