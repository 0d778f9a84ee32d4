package dev.erpgraph.erpfields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.erpgraph.erp.gateway.ErpOutcome;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

/**
 * Turns gateway outcomes into a field's result: the value (possibly stale) or null with
 * its typed error.
 */
public final class LiveValue {

    private LiveValue() {
    }

    /**
     * One outcome: its value mapped for the schema, or null and the ERP error; no outcome
     * (no ERP link): null.
     */
    public static <V, T> DataFetcherResult<T> of(ErpOutcome<V> outcome, Function<ErpOutcome<V>, T> view,
            DataFetchingEnvironment environment) {
        if (outcome == null) {
            return DataFetcherResult.<T>newResult().data(null).build();
        }
        if (!outcome.isSuccess()) {
            return DataFetcherResult.<T>newResult()
                .data(null)
                .error(ErpFieldError.of(outcome.failure(), environment))
                .build();
        }
        return DataFetcherResult.<T>newResult().data(view.apply(outcome)).build();
    }

    /**
     * Several outcomes making one list (an account's orders across its ERPs): what
     * succeeded is listed, each failure adds its own error; one ERP down never empties
     * the others' part.
     */
    public static <V, T> DataFetcherResult<List<T>> list(List<ErpOutcome<V>> outcomes,
            Function<ErpOutcome<V>, List<T>> view, DataFetchingEnvironment environment) {
        List<T> values = new ArrayList<>();
        List<GraphQLError> errors = new ArrayList<>();
        for (ErpOutcome<V> outcome : outcomes) {
            if (outcome.isSuccess()) {
                values.addAll(view.apply(outcome));
            }
            else {
                errors.add(ErpFieldError.of(outcome.failure(), environment));
            }
        }
        return DataFetcherResult.<List<T>>newResult().data(values).errors(errors).build();
    }

    /**
     * {@link #list} sorted by {@code order} and cut to {@code limit}: an account's newest
     * documents across its ERPs.
     */
    public static <V, T> DataFetcherResult<List<T>> merged(List<ErpOutcome<V>> outcomes,
            Function<ErpOutcome<V>, List<T>> view, Comparator<T> order, int limit,
            DataFetchingEnvironment environment) {
        DataFetcherResult<List<T>> all = list(outcomes == null ? List.of() : outcomes, view, environment);
        List<T> sorted = new ArrayList<>(all.getData());
        sorted.sort(order);
        return DataFetcherResult.<List<T>>newResult()
            .data(sorted.subList(0, Math.min(limit, sorted.size())))
            .errors(all.getErrors())
            .build();
    }

}
