package app.lantern.system.web;

import graphql.schema.idl.SchemaPrinter;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole API schema as SDL at a stable, public URL, for partners' code generators and for
 * reading; served even where introspection is switched off (it is the published contract).
 */
@RestController
class SchemaDocumentController {

    /** Where the SDL is published. */
    static final String PATH = "/graphql/schema.graphqls";

    private final String sdl;

    SchemaDocumentController(GraphQlSource graphQl) {
        this.sdl = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(true)
                .includeDirectives(false)
                .includeIntrospectionTypes(false))
                .print(graphQl.schema());
    }

    @GetMapping(path = PATH, produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(sdl);
    }
}
