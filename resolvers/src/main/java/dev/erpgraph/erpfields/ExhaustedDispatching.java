package dev.erpgraph.erpfields;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.stereotype.Component;

/**
 * Dispatches DataLoaders when nothing else can run, instead of per level. graphql-java's
 * per-level strategy counts completions level by level, and when sibling fields resolve
 * synchronously (an account-360 page that asks for the accounts of three ERPs under
 * aliases) it dispatches a level once for the first pages' accounts and again for the
 * last page's: every loader, every links statement and every ERP request of the second
 * dispatch waits behind the first. Dispatching when the work is exhausted sends one
 * dispatch with every key, which is what one call per ERP and resource means. The levels
 * below go out the same way: once the level above is in, one dispatch with the keys of
 * every ERP.
 */
@Component
class ExhaustedDispatching extends SimplePerformantInstrumentation {

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        DataLoaderDispatchingContextKeys.setEnableDataLoaderExhaustedDispatching(executionInput.getGraphQLContext(),
                true);
        return executionInput;
    }

}
