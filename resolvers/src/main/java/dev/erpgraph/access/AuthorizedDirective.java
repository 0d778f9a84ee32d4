package dev.erpgraph.access;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code @authorized(scope: "...")} on a field: a caller whose credential lacks the scope
 * gets the field empty with a {@code FORBIDDEN} error at its path, and the field's data
 * fetcher never runs, so no ERP is asked for what would not be shown. The rest of the
 * answer stands: a list field answers an empty list rather than a null that would blank
 * its parent.
 * <p>
 * A directive in the schema rather than annotations on controllers, so that the frontend
 * developer reads in the SDL which scope each field needs.
 */
@Component
class AuthorizedDirective implements RuntimeWiringConfigurer {

    static final String NAME = "authorized";

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.directive(NAME, new Wiring());
    }

    private static final class Wiring implements SchemaDirectiveWiring {

        @Override
        public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
            GraphQLFieldDefinition field = env.getElement();
            String value = env.getAppliedDirective().getArgument("scope").getValue();
            Scope scope = Scope.of(value)
                .orElseThrow(() -> new IllegalStateException(
                        "@authorized on " + field.getName() + " names an unknown scope '" + value + "'"));
            GraphQLFieldsContainer parent = env.getFieldsContainer();
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> fetcher = env.getCodeRegistry().getDataFetcher(coordinates, field);
            Object empty = isNonNullList(field.getType()) ? List.of() : null;
            DataFetcher<?> authorized = fetching -> {
                if (Caller.current().may(scope)) {
                    return fetcher.get(fetching);
                }
                return DataFetcherResult.newResult()
                    .data(empty)
                    .error(GraphqlErrorBuilder.newError(fetching)
                        .message("This field needs the scope " + scope.value() + ".")
                        .extensions(Map.of("code", "FORBIDDEN", "scope", scope.value()))
                        .build())
                    .build();
            };
            env.getCodeRegistry().dataFetcher(coordinates, authorized);
            return field;
        }

        private static boolean isNonNullList(GraphQLType type) {
            return type instanceof GraphQLNonNull nonNull && nonNull.getWrappedType() instanceof GraphQLList;
        }

    }

}
