package dev.erpgraph.crm.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.contact.ContactInputs.CreateContactInput;
import dev.erpgraph.crm.contact.ContactInputs.UpdateContactInput;
import dev.erpgraph.crm.errors.InputChecks;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.crm.relay.GlobalId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact writes: checked before anything is written; updates name the version they are
 * based on. A partner principal writes only contacts of its own accounts.
 */
@Service
class ContactService {

    private final ContactRepository contacts;

    private final AccountRepository accounts;

    ContactService(ContactRepository contacts, AccountRepository accounts) {
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @Transactional
    Contact create(Caller caller, CreateContactInput input) {
        long accountId = GlobalId.decode(input.accountId(), GlobalId.ACCOUNT, "accountId");
        Instant now = now();
        Contact contact = new Contact(null, accountId, InputChecks.requiredText(input.firstName(), "firstName", 100),
                InputChecks.requiredText(input.lastName(), "lastName", 100), InputChecks.email(input.email(), "email"),
                InputChecks.optionalText(input.phone(), "phone", 50),
                InputChecks.optionalText(input.title(), "title", 200),
                InputChecks.optionalText(input.role(), "role", 100), now, now, null);
        if (!accounts.existsById(accountId, caller.accountScope())) {
            throw new RecordNotFoundException("No account with this accountId.");
        }
        return contacts.save(contact);
    }

    /** Fields left out (null) stay as they are. */
    @Transactional
    Contact update(Caller caller, UpdateContactInput input) {
        long id = GlobalId.decode(input.id(), GlobalId.CONTACT, "id");
        Contact current = contacts.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No contact with this id."));
        Contact changed = new Contact(id, current.accountId(),
                (input.firstName() != null) ? InputChecks.requiredText(input.firstName(), "firstName", 100)
                        : current.firstName(),
                (input.lastName() != null) ? InputChecks.requiredText(input.lastName(), "lastName", 100)
                        : current.lastName(),
                (input.email() != null) ? InputChecks.email(input.email(), "email") : current.email(),
                (input.phone() != null) ? InputChecks.optionalText(input.phone(), "phone", 50) : current.phone(),
                (input.title() != null) ? InputChecks.optionalText(input.title(), "title", 200) : current.title(),
                (input.role() != null) ? InputChecks.optionalText(input.role(), "role", 100) : current.role(),
                current.createdAt(), now(), current.version());
        if (!current.version().equals(input.expectedVersion())) {
            throw new VersionConflictException("The contact has changed since version " + input.expectedVersion()
                    + "; it is at version " + current.version() + ".");
        }
        try {
            return contacts.save(changed);
        }
        catch (OptimisticLockingFailureException ex) {
            // Someone else saved between our read and our write.
            throw new VersionConflictException("The contact has just been changed by someone else.");
        }
    }

    /**
     * Truncated to what PostgreSQL stores, so that the answer equals what a later read
     * returns.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
