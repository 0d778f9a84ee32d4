package dev.erpgraph.access;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
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

    /** The field's own data fetcher, run only for a caller with the scope. */
    private static class Authorized implements DataFetcher<Object> {

        private final DataFetcher<?> fetcher;

        private final Scope scope;

        private final Object empty;

        Authorized(DataFetcher<?> fetcher, Scope scope, Object empty) {
            this.fetcher = fetcher;
            this.scope = scope;
            this.empty = empty;
        }

        @Override
        public Object get(DataFetchingEnvironment fetching) throws Exception {
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
        }

    }

    /**
     * A controller method's data fetcher stays self-describing behind the check, so that
     * Spring for GraphQL still sees what it is: its schema inspection reads the method,
     * and its observation instrumentation leaves a fetcher that uses a DataLoader to the
     * DataLoader's own observation instead of wrapping every call of it (for
     * {@code OrderLine.inventory}, every line of a page).
     */
    private static final class SelfDescribingAuthorized extends Authorized
            implements SelfDescribingDataFetcher<Object> {

        private final SelfDescribingDataFetcher<?> described;

        SelfDescribingAuthorized(SelfDescribingDataFetcher<?> described, Scope scope, Object empty) {
            super(described, scope, empty);
            this.described = described;
        }

        @Override
        public String getDescription() {
            return described.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return described.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return described.getArguments();
        }

        @Override
        public Method asMethod() {
            return described.asMethod();
        }

        @Override
        public boolean usesDataLoader() {
            return described.usesDataLoader();
        }

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
            Authorized authorized = fetcher instanceof SelfDescribingDataFetcher<?> described
                    ? new SelfDescribingAuthorized(described, scope, empty) : new Authorized(fetcher, scope, empty);
            env.getCodeRegistry().dataFetcher(coordinates, authorized);
            return field;
        }

        private static boolean isNonNullList(GraphQLType type) {
            return type instanceof GraphQLNonNull nonNull && nonNull.getWrappedType() instanceof GraphQLList;
        }

    }

}
