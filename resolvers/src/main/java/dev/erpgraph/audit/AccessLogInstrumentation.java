package dev.erpgraph.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.contact.Contact;
import dev.erpgraph.crm.opportunity.Opportunity;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import io.micrometer.context.ContextSnapshot;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Records who has seen which account's data, whatever the protocol, by watching the
 * execution: every answer that holds an account's record (or a contact or opportunity of
 * it) logs {@link AccessedData#CRM} for it, and an ERP-owned field whose value was
 * delivered logs its kind. At the end of the execution the entries go to the
 * {@link AccessLogWriter}, one per account.
 * <p>
 * Cheap per field, since it runs for every field of an account-360 page: objects are
 * looked at once each ({@code beginExecuteObject}, no field-level work), and a field is
 * looked at only when its data fetcher is not a trivial property read, so that
 * graphql-java never builds a {@code DataFetchingEnvironment} it would otherwise skip;
 * the few fields that matter are then found with two map lookups on names the schema
 * already holds.
 * <p>
 * An ERP field counts only when its value reached the answer: a value, or a
 * {@link DataFetcherResult} with data that is not empty or without errors. A field the
 * caller's scopes do not allow answers null or an empty list with a {@code FORBIDDEN}
 * error and is not logged; a last-known value served with an error is.
 */
@Component
class AccessLogInstrumentation extends SimplePerformantInstrumentation {

    /**
     * The ERP-owned fields: field name, then type name, to the kind of data it is.
     * Shipments are order data and invoices credit data, as the scopes that allow them
     * say.
     */
    private static final Map<String, Map<String, AccessedData>> ERP_FIELDS = Map.of("orders",
            Map.of("Account", AccessedData.ORDERS), "order", Map.of("Opportunity", AccessedData.ORDERS), "creditStatus",
            Map.of("Account", AccessedData.CREDIT), "price",
            Map.of("Account", AccessedData.PRICES, "OpportunityLine", AccessedData.PRICES), "inventory",
            Map.of("OrderLine", AccessedData.INVENTORY), "shipments",
            Map.of("Account", AccessedData.ORDERS, "Order", AccessedData.ORDERS), "invoices",
            Map.of("Account", AccessedData.CREDIT, "Order", AccessedData.CREDIT));

    private final AccessLogWriter writer;

    private final Clock clock;

    AccessLogInstrumentation(AccessLogWriter writer) {
        this.writer = writer;
        this.clock = Clock.systemUTC();
    }

    /** No caller (nothing authenticated): nothing is read, so nothing is logged. */
    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        Caller caller = callerOf(parameters.getExecutionInput());
        if (caller == null) {
            return null;
        }
        AccountsSeen seen = new AccountsSeen(caller);
        EntityAccess.track(parameters.getExecutionInput().getGraphQLContext(), seen);
        return seen;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        if (state instanceof AccountsSeen seen) {
            ExecutionStrategyParameters object = parameters.getExecutionStrategyParameters();
            Long accountId = accountOf(object.getSource());
            if (accountId != null) {
                seen.object(object.getPath(), accountId);
            }
        }
        return ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof AccountsSeen seen)) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        // Built once per field and handed to its data fetcher as well: no extra cost
        // here.
        DataFetchingEnvironment environment = parameters.getEnvironment();
        Map<String, AccessedData> byType = ERP_FIELDS.get(environment.getFieldDefinition().getName());
        if (byType == null) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        AccessedData kind = byType.get(((GraphQLNamedType) environment.getParentType()).getName());
        if (kind == null) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        Long accountId = accountOf(environment.getSource());
        if (accountId == null) {
            accountId = seen.accountAbove(environment.getExecutionStepInfo());
        }
        if (accountId == null) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        long account = accountId;
        return new FieldFetchingInstrumentationContext() {

            @Override
            public void onDispatched() {
            }

            @Override
            public void onCompleted(Object value, Throwable failure) {
                if (failure == null && delivered(value)) {
                    seen.saw(account, kind);
                }
            }

        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof AccountsSeen seen && !seen.isEmpty()) {
            ExecutionInput input = parameters.getExecutionInput();
            writer.record(seen.entries(clock.instant(), String.valueOf(input.getExecutionId())));
        }
        return CompletableFuture.completedFuture(result);
    }

    /**
     * The caller, read where the request's thread-locals are: on the request thread, or
     * restored from what Spring for GraphQL captured in the GraphQL context when the
     * execution starts elsewhere (a WebSocket message, an interceptor that went
     * asynchronous).
     */
    private static Caller callerOf(ExecutionInput input) {
        try {
            return Caller.current();
        }
        catch (AuthenticationCredentialsNotFoundException notOnThisThread) {
            try (ContextSnapshot.Scope restored = ContextPropagationHelper.captureFrom(input.getGraphQLContext())
                .setThreadLocals()) {
                return Caller.current();
            }
            catch (AuthenticationCredentialsNotFoundException none) {
                return null;
            }
        }
    }

    /** The account an object of the CRM belongs to; null for any other object. */
    private static Long accountOf(Object source) {
        if (source instanceof Account account) {
            return account.id();
        }
        if (source instanceof Contact contact) {
            return contact.accountId();
        }
        if (source instanceof Opportunity opportunity) {
            return opportunity.accountId();
        }
        return null;
    }

    /**
     * Whether a field's fetched value reached the answer: graphql-java has already waited
     * for a future; a {@link DataFetcherResult} counts when it holds data and either no
     * error or something to show despite one.
     */
    static boolean delivered(Object value) {
        if (value instanceof DataFetcherResult<?> result) {
            Object data = result.getData();
            if (data == null) {
                return false;
            }
            return result.getErrors().isEmpty() || !(data instanceof Collection<?> collection && collection.isEmpty());
        }
        return value != null;
    }

}
