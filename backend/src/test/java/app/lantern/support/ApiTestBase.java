package app.lantern.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of API tests whose callers hold tokens of the {@link TestTokens} issuer. */
public abstract class ApiTestBase extends GraphQlTestSupport {

    @DynamicPropertySource
    static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("lantern.security.jwk-set-uri", () -> TestTokens.issuer().jwkSetUri());
    }

    protected static TestTokens tokens() {
        return TestTokens.issuer();
    }

    protected HttpGraphQlTester inspector() {
        return as(tokens().staff("inspector.lead", "NA-TTT", "inspector"));
    }

    protected HttpGraphQlTester admin() {
        return as(tokens().staff("admin", "NA-UBND", "admin"));
    }

    protected HttpGraphQlTester unitHead(String unit) {
        return as(tokens().staff("head." + unit.toLowerCase(), unit, "unit_head"));
    }

    protected HttpGraphQlTester citizen() {
        return as(tokens().citizen("citizen", "040190000123"));
    }

    protected HttpGraphQlTester partner() {
        return as(tokens().partner("lantern-partner-demo"));
    }

    /** The national public-service portal: reads every unit, writes none. */
    protected HttpGraphQlTester portal() {
        return as(tokens().partner("lantern-partner-portal", java.util.List.of("*"), java.util.List.of()));
    }

    /** Nghe An's provincial handling system: reads and writes the province's units. */
    protected HttpGraphQlTester ngheAn() {
        return as(tokens().partner("lantern-partner-nghean", java.util.List.of("NA"), java.util.List.of("NA")));
    }
}
