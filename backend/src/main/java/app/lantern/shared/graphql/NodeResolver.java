package app.lantern.shared.graphql;

import java.util.Optional;

/** Finds the objects of one Node type for {@code Query.node}: empty when missing or not visible to the caller. */
public interface NodeResolver {

    /** The GraphQL type name the IDs carry, e.g. {@code Dossier}. */
    String typeName();

    Optional<?> find(long key);
}
