package dev.erpgraph.audit;

import java.util.List;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which fetched values of an ERP-owned field count as seen. Which fields and accounts are
 * logged is specified over HTTP, in the graph module.
 */
class AccessLogInstrumentationTests {

    @Test
    void aValueIsSeen() {
        assertThat(AccessLogInstrumentation.delivered("a credit status")).isTrue();
        assertThat(AccessLogInstrumentation.delivered(result("a credit status", false))).isTrue();
    }

    @Test
    void anEmptyListWithoutErrorIsSeen() {
        // "This account has no orders" is something the caller learnt.
        assertThat(AccessLogInstrumentation.delivered(List.of())).isTrue();
        assertThat(AccessLogInstrumentation.delivered(result(List.of(), false))).isTrue();
    }

    @Test
    void aLastKnownValueServedWithAnErrorIsSeen() {
        assertThat(AccessLogInstrumentation.delivered(result("a stale credit status", true))).isTrue();
        assertThat(AccessLogInstrumentation.delivered(result(List.of("an order of a system that answered"), true)))
            .isTrue();
    }

    @Test
    void nothingOrAnEmptyListWithAnErrorIsNotSeen() {
        // A FORBIDDEN field, or an ERP that did not answer.
        assertThat(AccessLogInstrumentation.delivered(null)).isFalse();
        assertThat(AccessLogInstrumentation.delivered(result(null, false))).isFalse();
        assertThat(AccessLogInstrumentation.delivered(result(null, true))).isFalse();
        assertThat(AccessLogInstrumentation.delivered(result(List.of(), true))).isFalse();
    }

    private static DataFetcherResult<Object> result(Object data, boolean withError) {
        DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult().data(data);
        if (withError) {
            result.error(GraphqlErrorBuilder.newError().message("FORBIDDEN").build());
        }
        return result.build();
    }

}
