package dev.erpgraph.crm.account;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.AccountInputs.CreateAccountInput;
import dev.erpgraph.crm.account.AccountInputs.CreateAccountPayload;
import dev.erpgraph.crm.account.AccountInputs.UpdateAccountInput;
import dev.erpgraph.crm.account.AccountInputs.UpdateAccountPayload;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.crm.relay.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.account}, {@code Query.accounts}, {@code Account.id} and the account
 * mutations.
 */
@Controller
class AccountController {

    private final AccountRepository accounts;

    private final AccountPages pages;

    private final AccountService service;

    AccountController(AccountRepository accounts, AccountPages pages, AccountService service) {
        this.accounts = accounts;
        this.pages = pages;
        this.service = service;
    }

    @QueryMapping
    Account account(@Argument String id) {
        return accounts.findById(GlobalId.decode(id, GlobalId.ACCOUNT, "id"), Caller.current().accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No account with this id."));
    }

    @QueryMapping
    Connection<Account> accounts(@Argument Integer first, @Argument String after, @Argument AccountFilter filter,
            DataFetchingFieldSelectionSet selection) {
        return pages.find(Caller.current().accountScope(), filter, PageRequest.of(first, after),
                selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "Account")
    String id(Account account) {
        return GlobalId.encode(GlobalId.ACCOUNT, account.id());
    }

    @MutationMapping
    CreateAccountPayload createAccount(@Argument CreateAccountInput input) {
        return new CreateAccountPayload(service.create(Caller.current(), input), input.clientMutationId());
    }

    @MutationMapping
    UpdateAccountPayload updateAccount(@Argument UpdateAccountInput input) {
        return new UpdateAccountPayload(service.update(Caller.current(), input), input.clientMutationId());
    }

}
