package dev.erpgraph.crm.relay;

import java.util.Optional;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.contact.ContactRepository;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.opportunity.OpportunityRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.node}: reads the table the global id names. The returned record's class
 * name is the GraphQL type name, which is how Spring's default type resolver picks the
 * {@code Node} implementation. The read keeps to the caller's {@link AccountScope}, so
 * another partner's id is not found: null with {@code NOT_FOUND}, as for an id of
 * nothing.
 */
@Controller
class NodeController {

    private final AccountRepository accounts;

    private final ContactRepository contacts;

    private final OpportunityRepository opportunities;

    NodeController(AccountRepository accounts, ContactRepository contacts, OpportunityRepository opportunities) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    @QueryMapping
    Object node(@Argument String id) {
        GlobalId globalId = GlobalId.decode(id, "id");
        AccountScope scope = Caller.current().accountScope();
        Optional<?> found = switch (globalId.type()) {
            case GlobalId.ACCOUNT -> accounts.findById(globalId.id(), scope);
            case GlobalId.CONTACT -> contacts.findById(globalId.id(), scope);
            case GlobalId.OPPORTUNITY -> opportunities.findById(globalId.id(), scope);
            default -> throw new InvalidInputException("id", "Not a valid id.");
        };
        return found.orElseThrow(() -> new RecordNotFoundException("Nothing has this id."));
    }

}
