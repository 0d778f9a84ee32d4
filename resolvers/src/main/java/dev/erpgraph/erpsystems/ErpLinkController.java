package dev.erpgraph.erpsystems;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.erp.gateway.CustomerRef;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Which ERP customers an account is: {@code Account.erpLinks} and
 * {@code linkErpCustomer}.
 */
@Controller
class ErpLinkController {

    private final AccountErpLinks links;

    private final ErpLinkService service;

    ErpLinkController(AccountErpLinks links, ErpLinkService service) {
        this.links = links;
        this.service = service;
    }

    /** One SQL statement for the links of every account on the page. */
    @BatchMapping(typeName = "Account")
    Map<Account, List<ErpCustomerLinkView>> erpLinks(List<Account> accounts, GraphQLContext request) {
        Map<Long, List<CustomerRef>> byAccount = links.of(accounts.stream().map(Account::id).toList(), request);
        return accounts.stream()
            .distinct()
            .collect(Collectors.toMap(Function.identity(),
                    account -> byAccount.get(account.id())
                        .stream()
                        .map(ref -> new ErpCustomerLinkView(ref.erpSystemId(), ref.customerNumber()))
                        .toList()));
    }

    @MutationMapping
    LinkErpCustomerPayload linkErpCustomer(@Argument LinkErpCustomerInput input, DataFetchingEnvironment environment) {
        LinkErpCustomerPayload linked = service.link(Caller.current(), input);
        // What this request read about the account (its links, and ERP values keyed by
        // them) predates the link;
        // the payload, and any later mutation of the same document, must see the account
        // as it now is.
        links.forget(environment.getGraphQlContext());
        environment.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
        return linked;
    }

    /** The mutation's input, as the schema's {@code LinkErpCustomerInput}. */
    record LinkErpCustomerInput(String accountId, String erpSystemId, String customerNumber, String clientMutationId) {
    }

    /** The mutation's payload, as the schema's {@code LinkErpCustomerPayload}. */
    record LinkErpCustomerPayload(Account account, ErpCustomerLinkView erpLink, String clientMutationId) {
    }

}
