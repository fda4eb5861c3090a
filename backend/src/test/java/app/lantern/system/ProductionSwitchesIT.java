package app.lantern.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** What production turns off: GraphiQL and introspection. The API itself keeps working. */
@TestPropertySource(properties = {"spring.graphql.graphiql.enabled=false", "spring.graphql.schema.introspection.enabled=false"})
class ProductionSwitchesIT extends ApiTestBase {

    @Test
    void introspectionIsRefusedAndGraphiqlIsGone() {
        anonymous().document("{ __schema { queryType { name } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        http().get().uri("/graphiql").exchange().expectBody(String.class)
                .value(body -> assertThat(body == null ? "" : body).doesNotContainIgnoringCase("graphiql.min"));
        anonymous().documentName("apiInfo").execute().path("apiInfo.version").hasValue();
    }
}
