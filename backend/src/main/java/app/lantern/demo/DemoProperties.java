package app.lantern.demo;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data set.
 *
 * @param enabled       generate it on first start (once; a row in {@code demo_dataset} marks it done)
 * @param dossiers      dossiers in the default set: 85 % received 2021–2024, the rest up to {@code until}
 * @param seed          seed of the random generator: the same seed gives the same data everywhere
 * @param until         the generator's "now": no event happens after the end of this day
 * @param bulkDossiers  when positive, append this many more dossiers at COPY speed on start (benchmarks)
 */
@ConfigurationProperties("lantern.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("24000") int dossiers,
                             @DefaultValue("2960") long seed,
                             @DefaultValue("2026-11-20") LocalDate until,
                             @DefaultValue("0") int bulkDossiers) {
}
