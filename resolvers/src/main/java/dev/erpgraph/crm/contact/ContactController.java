package dev.erpgraph.crm.contact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.contact.ContactInputs.CreateContactInput;
import dev.erpgraph.crm.contact.ContactInputs.CreateContactPayload;
import dev.erpgraph.crm.contact.ContactInputs.UpdateContactInput;
import dev.erpgraph.crm.contact.ContactInputs.UpdateContactPayload;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.crm.relay.PageRequest;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.contact}, {@code Account.contacts}, {@code Contact.account} and the
 * contact mutations.
 */
@Controller
class ContactController {

    private final ContactRepository contacts;

    private final AccountRepository accounts;

    private final ContactService service;

    ContactController(ContactRepository contacts, AccountRepository accounts, ContactService service) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.service = service;
    }

    @QueryMapping
    Contact contact(@Argument String id) {
        return contacts.findById(GlobalId.decode(id, GlobalId.CONTACT, "id"), Caller.current().accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No contact with this id."));
    }

    @SchemaMapping(typeName = "Contact")
    String id(Contact contact) {
        return GlobalId.encode(GlobalId.CONTACT, contact.id());
    }

    /** Batched across all accounts of the response by {@link ContactPagesLoader}. */
    @SchemaMapping(typeName = "Account")
    CompletableFuture<Connection<Contact>> contacts(Account account, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        DataLoader<ContactPagesLoader.Key, Connection<Contact>> loader = env.getDataLoader(ContactPagesLoader.NAME);
        return loader.load(new ContactPagesLoader.Key(account.id(), PageRequest.of(first, after)));
    }

    /** One statement for the accounts of all contacts in the response. */
    @BatchMapping(typeName = "Contact")
    Map<Contact, Account> account(List<Contact> contacts) {
        Map<Long, Account> byId = accounts
            .findAllById(contacts.stream().map(Contact::accountId).distinct().toList(), Caller.current().accountScope())
            .stream()
            .collect(Collectors.toMap(Account::id, Function.identity()));
        return contacts.stream()
            .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.accountId()), (a, b) -> a));
    }

    @MutationMapping
    CreateContactPayload createContact(@Argument CreateContactInput input) {
        return new CreateContactPayload(service.create(Caller.current(), input), input.clientMutationId());
    }

    @MutationMapping
    UpdateContactPayload updateContact(@Argument UpdateContactInput input) {
        return new UpdateContactPayload(service.update(Caller.current(), input), input.clientMutationId());
    }

}
