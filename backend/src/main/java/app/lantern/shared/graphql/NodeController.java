package app.lantern.shared.graphql;

import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.node}: decodes the global ID and asks the feature that owns the type. Unknown,
 * malformed, missing and invisible IDs all answer null, so an ID tells nothing about data the
 * caller may not see. A caller who may not read the type at all gets the feature's refusal.
 */
@Controller
class NodeController {

    private final List<NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers;
    }

    @QueryMapping
    Object node(@Argument String id) {
        String type = NodeId.typeOf(id);
        for (NodeResolver resolver : resolvers) {
            if (resolver.typeName().equals(type)) {
                long key;
                try {
                    key = NodeId.longKey(id, type);
                } catch (NotFoundException e) {
                    return null;
                }
                Optional<?> found = resolver.find(key);
                return found.orElse(null);
            }
        }
        return null;
    }
}
