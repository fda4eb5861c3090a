package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.SchemaMappingReport;
import app.lantern.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every field of the SDL has a data fetcher, and every controller method maps to a field. */
class SchemaMappingIT extends ApiTestBase {

    @Autowired
    SchemaMappingReport schemaMapping;

    @Test
    void everySchemaFieldIsMappedAndEveryMappingHasAField() {
        var report = schemaMapping.report();
        assertThat(report.unmappedFields()).as("schema fields without a data fetcher").isEmpty();
        assertThat(report.unmappedRegistrations()).as("data fetchers without a schema field").isEmpty();
        assertThat(report.unmappedArguments()).as("controller arguments not in the schema").isEmpty();
    }
}
