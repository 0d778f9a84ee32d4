package dev.erpgraph.federation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.Caller;
import dev.erpgraph.access.Scope;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.contact.Contact;
import dev.erpgraph.crm.contact.ContactRepository;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.crm.opportunity.OpportunityRepository;
import dev.erpgraph.crm.relay.GlobalId;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * A gateway's {@code _entities} for the CRM's records, keyed by their global {@code id}:
 * all representations of one type in one statement, which keeps to the caller's
 * {@link AccountScope}. Another partner's record, a record that does not exist and an id
 * that is not one of this type all answer null, alike. The fields below an entity resolve
 * as anywhere else (the same controllers, loaders and {@code @authorized} scopes), and
 * the access log sees the records as it sees them under {@code Query.account}.
 */
@Controller
class CrmEntities {

    private final AccountRepository accounts;

    private final ContactRepository contacts;

    private final OpportunityRepository opportunities;

    CrmEntities(AccountRepository accounts, ContactRepository contacts, OpportunityRepository opportunities) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    @EntityMapping
    List<Account> account(@Argument List<String> idList) {
        return inOrder(idList, GlobalId.ACCOUNT, accounts::findAllById, Account::id);
    }

    @EntityMapping
    List<Contact> contact(@Argument List<String> idList) {
        return inOrder(idList, GlobalId.CONTACT, contacts::findAllById, Contact::id);
    }

    @EntityMapping
    List<Opportunity> opportunity(@Argument List<String> idList) {
        return inOrder(idList, GlobalId.OPPORTUNITY, opportunities::findAllById, Opportunity::id);
    }

    @GraphQlExceptionHandler
    GraphQLError forbidden(AccessDeniedException denied, DataFetchingEnvironment environment) {
        return EntityErrors.forbidden(denied, environment);
    }

    /**
     * The records of {@code idList}, read in one statement, in the order of the ids, null
     * where nothing in the caller's scope has the id.
     */
    private static <T> List<T> inOrder(List<String> idList, String type, ScopedRead<T> read, ToLongFunction<T> idOf) {
        Caller caller = Caller.current();
        if (!caller.may(Scope.CRM_READ)) {
            throw new AccessDeniedException("Entities of the CRM need the scope crm:read.");
        }
        Map<String, Long> ids = new HashMap<>();
        for (String id : idList) {
            Long decoded = decode(id, type);
            if (decoded != null) {
                ids.put(id, decoded);
            }
        }
        Map<Long, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            read.read(ids.values(), caller.accountScope())
                .forEach(record -> found.put(idOf.applyAsLong(record), record));
        }
        Function<String, T> byId = id -> found.get(ids.get(id));
        return idList.stream().map(byId).toList();
    }

    /** The row id of a global id of {@code type}; null for anything else. */
    private static Long decode(String id, String type) {
        if (id == null) {
            return null;
        }
        try {
            return GlobalId.decode(id, type, "id");
        }
        catch (InvalidInputException notOfThisType) {
            return null;
        }
    }

    /** A repository's scoped read of many ids in one statement. */
    @FunctionalInterface
    private interface ScopedRead<T> {

        List<T> read(Collection<Long> ids, AccountScope scope);

    }

}
