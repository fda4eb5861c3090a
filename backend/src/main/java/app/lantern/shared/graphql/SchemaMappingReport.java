package app.lantern.shared.graphql;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring for GraphQL's schema mapping inspection of this application (schema fields without
 * a data fetcher, fetchers without a field), so that a test can fail on it instead of a log line
 * that nobody reads.
 */
@Component
public class SchemaMappingReport {

    private static final Logger log = LoggerFactory.getLogger(SchemaMappingReport.class);

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    void accept(SchemaReport report) {
        this.report.set(report);
        if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()) {
            log.warn("{}", report);
        }
    }

    /** The report of the schema as built at start-up. */
    public SchemaReport report() {
        SchemaReport current = report.get();
        if (current == null) {
            throw new IllegalStateException("The GraphQL schema has not been inspected yet");
        }
        return current;
    }
}
