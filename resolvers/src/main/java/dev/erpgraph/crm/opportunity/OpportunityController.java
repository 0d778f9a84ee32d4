package dev.erpgraph.crm.opportunity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.opportunity.OpportunityInputs.CreateOpportunityInput;
import dev.erpgraph.crm.opportunity.OpportunityInputs.CreateOpportunityPayload;
import dev.erpgraph.crm.opportunity.OpportunityInputs.UpdateOpportunityInput;
import dev.erpgraph.crm.opportunity.OpportunityInputs.UpdateOpportunityPayload;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.crm.relay.PageRequest;
import dev.erpgraph.erp.Money;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.opportunity}, {@code Query.opportunities}, {@code Account.opportunities},
 * the opportunity's own relations and the opportunity mutations.
 */
@Controller
class OpportunityController {

    private final OpportunityRepository opportunities;

    private final OpportunityLineRepository lines;

    private final OpportunityPages pages;

    private final AccountRepository accounts;

    private final OpportunityService service;

    OpportunityController(OpportunityRepository opportunities, OpportunityLineRepository lines, OpportunityPages pages,
            AccountRepository accounts, OpportunityService service) {
        this.opportunities = opportunities;
        this.lines = lines;
        this.pages = pages;
        this.accounts = accounts;
        this.service = service;
    }

    @QueryMapping
    Opportunity opportunity(@Argument String id) {
        return opportunities.findById(GlobalId.decode(id, GlobalId.OPPORTUNITY, "id"), Caller.current().accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No opportunity with this id."));
    }

    @QueryMapping
    Connection<Opportunity> opportunities(@Argument Integer first, @Argument String after,
            @Argument OpportunityFilter filter, DataFetchingFieldSelectionSet selection) {
        return pages.find(Caller.current().accountScope(), filter, PageRequest.of(first, after),
                selection.contains("totalCount"));
    }

    /** Batched across all accounts of the response by {@link OpportunityPages}. */
    @SchemaMapping(typeName = "Account")
    CompletableFuture<Connection<Opportunity>> opportunities(Account account, @Argument Integer first,
            @Argument String after, @Argument OpportunityFilter filter, DataFetchingEnvironment env) {
        DataLoader<OpportunityPages.Key, Connection<Opportunity>> loader = env
            .getDataLoader(OpportunityPages.PER_ACCOUNT);
        return loader.load(new OpportunityPages.Key(account.id(), PageRequest.of(first, after), filter));
    }

    @SchemaMapping(typeName = "Opportunity")
    String id(Opportunity opportunity) {
        return GlobalId.encode(GlobalId.OPPORTUNITY, opportunity.id());
    }

    @SchemaMapping(typeName = "Opportunity")
    Money amount(Opportunity opportunity) {
        return (opportunity.amount() != null) ? new Money(opportunity.amount(), opportunity.currency()) : null;
    }

    /** One statement for the lines of all opportunities in the response. */
    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, List<OpportunityLine>> lines(List<Opportunity> opportunities) {
        Map<Long, List<OpportunityLine>> byOpportunity = lines
            .findByOpportunityIdInOrderByOpportunityIdAscLineNumberAsc(
                    opportunities.stream().map(Opportunity::id).distinct().toList())
            .stream()
            .collect(Collectors.groupingBy(OpportunityLine::opportunityId));
        return opportunities.stream()
            .collect(Collectors.toMap(Function.identity(), o -> byOpportunity.getOrDefault(o.id(), List.of()),
                    (a, b) -> a));
    }

    /** One statement for the accounts of all opportunities in the response. */
    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, Account> account(List<Opportunity> opportunities) {
        Map<Long, Account> byId = accounts
            .findAllById(opportunities.stream().map(Opportunity::accountId).distinct().toList(),
                    Caller.current().accountScope())
            .stream()
            .collect(Collectors.toMap(Account::id, Function.identity()));
        return opportunities.stream()
            .collect(Collectors.toMap(Function.identity(), o -> byId.get(o.accountId()), (a, b) -> a));
    }

    @MutationMapping
    CreateOpportunityPayload createOpportunity(@Argument CreateOpportunityInput input) {
        return new CreateOpportunityPayload(service.create(Caller.current(), input), input.clientMutationId());
    }

    @MutationMapping
    UpdateOpportunityPayload updateOpportunity(@Argument UpdateOpportunityInput input) {
        return new UpdateOpportunityPayload(service.update(Caller.current(), input), input.clientMutationId());
    }

}
