package dev.erpgraph.crm.relay;

import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.contact.ContactRepository;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.opportunity.OpportunityRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.node}: reads the table the global id names. The returned record's class
 * name is the GraphQL type name, which is how Spring's default type resolver picks the
 * {@code Node} implementation.
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
        return switch (globalId.type()) {
            case GlobalId.ACCOUNT -> accounts.findById(globalId.id()).orElse(null);
            case GlobalId.CONTACT -> contacts.findById(globalId.id()).orElse(null);
            case GlobalId.OPPORTUNITY -> opportunities.findById(globalId.id()).orElse(null);
            default -> throw new InvalidInputException("id", "Not a valid id.");
        };
    }

}
