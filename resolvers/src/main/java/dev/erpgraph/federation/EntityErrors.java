package dev.erpgraph.federation;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.security.access.AccessDeniedException;

/**
 * The errors of {@code _entities}, as on every other path. Spring for GraphQL resolves an
 * {@code @EntityMapping} method's exception with the {@code @GraphQlExceptionHandler}s of
 * controllers only, not with the application's exception resolvers, so the entity
 * controllers map theirs here, to the same codes.
 */
public final class EntityErrors {

    private EntityErrors() {
    }

    /**
     * {@code FORBIDDEN} at the entity's index: the caller's credential lacks the scope of
     * the entity's data.
     */
    public static GraphQLError forbidden(AccessDeniedException denied, DataFetchingEnvironment environment) {
        return GraphqlErrorBuilder.newError(environment)
            .message(denied.getMessage())
            .extensions(Map.of("code", "FORBIDDEN"))
            .build();
    }

}
