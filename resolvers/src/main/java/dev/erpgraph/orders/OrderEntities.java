package dev.erpgraph.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.Scope;
import dev.erpgraph.audit.AccessedData;
import dev.erpgraph.audit.EntityAccess;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldError;
import dev.erpgraph.federation.EntityErrors;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * A gateway's {@code _entities} for sales orders, keyed by {@code erpSystem { id }} and
 * {@code number}: every order of the batch through the {@link OrderByNumberLoader} (one
 * request per ERP, through the gateway's cache and guards), then one statement for the
 * CRM accounts their customers are linked to. That statement keeps to the caller's
 * partner: a partner gets null for an order of a customer that is not one of its
 * accounts, exactly as for a number the ERP does not know. The access log records the
 * order data against the account it belongs to.
 * <p>
 * The answer is a list, one entry per representation, so an ERP that fails leaves its
 * orders null without an error of their own; only when every order asked for failed (one
 * ERP, down) does each carry the ERP's typed error.
 */
@Controller
class OrderEntities {

    private final ErpGateway gateway;

    private final ErpCustomerLinkRepository links;

    OrderEntities(ErpGateway gateway, ErpCustomerLinkRepository links) {
        this.gateway = gateway;
        this.links = links;
    }

    @EntityMapping
    CompletableFuture<List<OrderView>> order(List<Map<String, Object>> representations,
            DataFetchingEnvironment environment) {
        Caller caller = Caller.current();
        if (!caller.may(Scope.ERP_ORDERS)) {
            throw new AccessDeniedException("Orders need the scope erp:orders.");
        }
        List<OrderRef> refs = representations.stream().map(this::refOf).toList();
        Set<OrderRef> asked = new LinkedHashSet<>(refs);
        asked.remove(null);
        if (asked.isEmpty()) {
            return CompletableFuture.completedFuture(refs.stream().map(ref -> (OrderView) null).toList());
        }
        DataLoader<OrderRef, ErpOutcome<SalesOrder>> loader = environment.getDataLoader(OrderByNumberLoader.NAME);
        List<OrderRef> keys = List.copyOf(asked);
        return loader.loadMany(keys).thenApply(outcomes -> {
            Map<OrderRef, ErpOutcome<SalesOrder>> byRef = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                byRef.put(keys.get(i), outcomes.get(i));
            }
            Map<CustomerRef, Long> accountOf = accountsOf(byRef.values(), caller);
            List<OrderView> answer = new ArrayList<>(refs.size());
            List<ErpException> failures = new ArrayList<>();
            for (OrderRef ref : refs) {
                ErpOutcome<SalesOrder> outcome = (ref != null) ? byRef.get(ref) : null;
                if (outcome != null && !outcome.isSuccess()
                        && outcome.failure().kind() != ErpException.Kind.NOT_FOUND) {
                    failures.add(outcome.failure());
                }
                answer.add(visible(ref, outcome, accountOf, caller, environment));
            }
            if (failures.size() == keys.size()) {
                throw failures.get(0);
            }
            return answer;
        });
    }

    @GraphQlExceptionHandler
    GraphQLError forbidden(AccessDeniedException denied, DataFetchingEnvironment environment) {
        return EntityErrors.forbidden(denied, environment);
    }

    /** Every order asked for failed: each carries its ERP's typed error. */
    @GraphQlExceptionHandler
    GraphQLError erpFailed(ErpException failure, DataFetchingEnvironment environment) {
        return ErpFieldError.of(failure, environment);
    }

    /**
     * The order, if the ERP had it and the caller may see it; its account's access is
     * logged.
     */
    private static OrderView visible(OrderRef ref, ErpOutcome<SalesOrder> outcome, Map<CustomerRef, Long> accountOf,
            Caller caller, DataFetchingEnvironment environment) {
        if (outcome == null || !outcome.isSuccess()) {
            return null;
        }
        SalesOrder order = outcome.value();
        Long accountId = accountOf.get(new CustomerRef(ref.erpSystemId(), order.customerNumber()));
        if (accountId == null && caller.isPartner()) {
            return null;
        }
        if (accountId != null) {
            EntityAccess.delivered(environment.getGraphQlContext(), accountId, AccessedData.ORDERS);
        }
        return OrderView.of(order, outcome.freshness());
    }

    /** The CRM account of each found order's customer, in the caller's scope. */
    private Map<CustomerRef, Long> accountsOf(Iterable<ErpOutcome<SalesOrder>> outcomes, Caller caller) {
        Set<String> customerNumbers = new LinkedHashSet<>();
        outcomes.forEach(outcome -> {
            if (outcome.isSuccess()) {
                customerNumbers.add(outcome.value().customerNumber());
            }
        });
        Map<CustomerRef, Long> accountOf = new HashMap<>();
        if (!customerNumbers.isEmpty()) {
            for (ErpCustomerLink link : links.findByCustomerNumberIn(customerNumbers, caller.accountScope())) {
                accountOf.put(new CustomerRef(link.erpSystemId(), link.customerNumber()), link.accountId());
            }
        }
        return accountOf;
    }

    /**
     * The order a representation names, by ERP system and number; null when it names none
     * this server has (no such ERP system, or only the ERP's own {@code id}, which is
     * unique within one ERP alone).
     */
    private OrderRef refOf(Map<String, Object> representation) {
        if (representation.get("erpSystem") instanceof Map<?, ?> system && system.get("id") instanceof String systemId
                && representation.get("number") instanceof String number && !number.isBlank()
                && gateway.systems().find(systemId).isPresent()) {
            return new OrderRef(systemId, number);
        }
        return null;
    }

}
