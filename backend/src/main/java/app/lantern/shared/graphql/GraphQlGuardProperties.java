package app.lantern.shared.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that protect the API from expensive or abusive requests.
 *
 * @param maxDepth          deepest selection allowed
 * @param maxComplexity     highest cost allowed: each field costs 1, a connection multiplies its
 *                          selection by its page size
 * @param maxPageSize       largest {@code first}/{@code last} of a connection
 * @param timeout           time after which no further field is fetched
 * @param documentCacheSize parsed and validated documents kept in memory
 */
@ConfigurationProperties("lantern.graphql")
public record GraphQlGuardProperties(int maxDepth, int maxComplexity, int maxPageSize, Duration timeout,
                                     int documentCacheSize) {

    public GraphQlGuardProperties {
        if (maxDepth <= 0) maxDepth = 12;
        if (maxComplexity <= 0) maxComplexity = 2000;
        if (maxPageSize <= 0) maxPageSize = 100;
        if (timeout == null) timeout = Duration.ofSeconds(20);
        if (documentCacheSize <= 0) documentCacheSize = 1000;
    }
}
