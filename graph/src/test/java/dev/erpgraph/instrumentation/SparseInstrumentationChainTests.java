package dev.erpgraph.instrumentation;

import java.util.ArrayList;
import java.util.List;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparseInstrumentationChainTests {

    private final List<String> calls = new ArrayList<>();

    @Test
    void aFieldHookReachesOnlyTheInstrumentationThatImplementsItWithItsOwnStateAndContext() {
        FieldFetchingInstrumentationContext fetching = FieldFetchingInstrumentationContext
            .adapter(SimpleInstrumentationContext.noOp());
        Instrumentation fields = new Named("fields") {
            @Override
            public FieldFetchingInstrumentationContext beginFieldFetching(
                    InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                calls.add("fields with " + state);
                return fetching;
            }
        };
        SparseInstrumentationChain chain = new SparseInstrumentationChain(
                List.of(new Named("first"), fields, new Named("last")));

        assertThat(chain.beginFieldFetching(null, state(chain))).isSameAs(fetching);
        assertThat(calls).containsExactly("fields with state of fields");
    }

    @Test
    void withNoInstrumentationInterestedAFieldHookCallsNoneAndAnswersNothingToDo() {
        SparseInstrumentationChain chain = new SparseInstrumentationChain(List.of(new Named("a"), new Named("b")));
        InstrumentationState state = state(chain);

        assertThat(chain.beginFieldFetching(null, state)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(chain.beginExecuteObject(null, state)).isSameAs(ExecuteObjectInstrumentationContext.NOOP);
        assertThat(chain.beginFieldCompletion(null, state)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(calls).isEmpty();
    }

    @Test
    void twoInstrumentationsImplementingAHookAreBothCalledInOrderAsGraphqlJavasChainWould() {
        SparseInstrumentationChain chain = new SparseInstrumentationChain(
                List.of(new Completing("one"), new Named("none"), new Completing("two")));

        InstrumentationContext<Object> context = chain.beginFieldCompletion(null, state(chain));
        context.onCompleted("value", null);

        assertThat(calls).containsExactly("begin one with state of one", "begin two with state of two", "completed one",
                "completed two");
    }

    @Test
    void theDeprecatedFieldFetchHookCountsAsImplementingFieldFetching() {
        Instrumentation legacy = new Named("legacy") {
            @Override
            @SuppressWarnings("deprecation")
            public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                    InstrumentationState state) {
                calls.add("legacy fetch");
                return SimpleInstrumentationContext.noOp();
            }
        };
        SparseInstrumentationChain chain = new SparseInstrumentationChain(List.of(new Named("other"), legacy));

        chain.beginFieldFetching(null, state(chain)).onDispatched();

        assertThat(calls).containsExactly("legacy fetch");
    }

    @Test
    void objectsReachOnlyTheInstrumentationThatWatchesThem() {
        Instrumentation objects = new Named("objects") {
            @Override
            public ExecuteObjectInstrumentationContext beginExecuteObject(
                    InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
                calls.add("object with " + state);
                return ExecuteObjectInstrumentationContext.NOOP;
            }
        };
        SparseInstrumentationChain chain = new SparseInstrumentationChain(List.of(objects, new Named("other")));

        chain.beginExecuteObject(null, state(chain));

        assertThat(calls).containsExactly("object with state of objects");
    }

    private static InstrumentationState state(SparseInstrumentationChain chain) {
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { a: String }"),
                RuntimeWiring.newRuntimeWiring().build());
        return chain
            .createStateAsync(
                    new InstrumentationCreateStateParameters(schema, ExecutionInput.newExecutionInput("{ a }").build()))
            .join();
    }

    /** Implements no per-field hook; its state says whose it is. */
    private static class Named extends SimplePerformantInstrumentation {

        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new InstrumentationState() {
                @Override
                public String toString() {
                    return "state of " + name;
                }
            };
        }

    }

    private final class Completing extends Named {

        private final String name;

        Completing(String name) {
            super(name);
            this.name = name;
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            calls.add("begin " + name + " with " + state);
            return SimpleInstrumentationContext.whenCompleted((value, failure) -> calls.add("completed " + name));
        }

    }

}
