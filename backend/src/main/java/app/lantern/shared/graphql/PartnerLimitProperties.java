package app.lantern.shared.graphql;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much each partner system may ask of the API, counted across every backend instance.
 *
 * @param requestsPerSecond GraphQL operations per second (per calendar second)
 * @param costPerMinute     summed query cost per minute (per calendar minute), cost as the
 *                          {@code lantern.graphql.max-complexity} guard counts it
 * @param partners          per partner (client id) limits that replace the defaults above
 */
@ConfigurationProperties("lantern.partner-limits")
public record PartnerLimitProperties(int requestsPerSecond, long costPerMinute, Map<String, Limits> partners) {

    public record Limits(int requestsPerSecond, long costPerMinute) {
    }

    public PartnerLimitProperties {
        if (requestsPerSecond <= 0) requestsPerSecond = 20;
        if (costPerMinute <= 0) costPerMinute = 60_000;
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /** The limits of one partner. */
    public Limits of(String partner) {
        Limits own = partners.get(partner);
        return new Limits(own == null || own.requestsPerSecond() <= 0 ? requestsPerSecond : own.requestsPerSecond(),
                own == null || own.costPerMinute() <= 0 ? costPerMinute : own.costPerMinute());
    }
}
