package dev.erpgraph.crm.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.AccountInputs.CreateAccountInput;
import dev.erpgraph.crm.account.AccountInputs.UpdateAccountInput;
import dev.erpgraph.crm.errors.InputChecks;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.crm.relay.GlobalId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account writes: every field is checked before anything is written; updates must name
 * the version they are based on. A partner principal writes only its own accounts: what
 * it creates is its partner's, and it cannot give an account to anyone else.
 */
@Service
class AccountService {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional
    Account create(Caller caller, CreateAccountInput input) {
        Instant now = now();
        return accounts.save(new Account(null, InputChecks.requiredText(input.name(), "name", 200),
                InputChecks.optionalText(input.industry(), "industry", 100),
                InputChecks.website(input.website(), "website"), InputChecks.optionalText(input.phone(), "phone", 50),
                address(input.billingAddress(), "billingAddress"), address(input.shippingAddress(), "shippingAddress"),
                InputChecks.optionalText(input.ownerId(), "ownerId", 100), partnerId(caller, input.partnerId()), now,
                now, null));
    }

    /** Fields left out (null) stay as they are. */
    @Transactional
    Account update(Caller caller, UpdateAccountInput input) {
        long id = GlobalId.decode(input.id(), GlobalId.ACCOUNT, "id");
        Account current = accounts.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No account with this id."));
        Account changed = new Account(id,
                (input.name() != null) ? InputChecks.requiredText(input.name(), "name", 200) : current.name(),
                (input.industry() != null) ? InputChecks.optionalText(input.industry(), "industry", 100)
                        : current.industry(),
                (input.website() != null) ? InputChecks.website(input.website(), "website") : current.website(),
                (input.phone() != null) ? InputChecks.optionalText(input.phone(), "phone", 50) : current.phone(),
                (input.billingAddress() != null) ? address(input.billingAddress(), "billingAddress")
                        : current.billingAddress(),
                (input.shippingAddress() != null) ? address(input.shippingAddress(), "shippingAddress")
                        : current.shippingAddress(),
                (input.ownerId() != null) ? InputChecks.optionalText(input.ownerId(), "ownerId", 100)
                        : current.ownerId(),
                (input.partnerId() != null) ? partnerId(caller, input.partnerId()) : current.partnerId(),
                current.createdAt(), now(), current.version());
        if (!current.version().equals(input.expectedVersion())) {
            throw new VersionConflictException("The account has changed since version " + input.expectedVersion()
                    + "; it is at version " + current.version() + ".");
        }
        try {
            return accounts.save(changed);
        }
        catch (OptimisticLockingFailureException ex) {
            // Someone else saved between our read and our write.
            throw new VersionConflictException("The account has just been changed by someone else.");
        }
    }

    /** A partner's accounts stay its own: it may only name its own partner id. */
    private static String partnerId(Caller caller, String input) {
        if (!caller.isPartner()) {
            return InputChecks.optionalText(input, "partnerId", 100);
        }
        if (input != null && !input.equals(caller.partnerId())) {
            throw new InvalidInputException("partnerId", "A partner can only give an account its own partnerId.");
        }
        return caller.partnerId();
    }

    private static Address address(Address input, String field) {
        if (input == null) {
            return null;
        }
        return new Address(InputChecks.optionalText(input.street(), field + ".street", 500),
                InputChecks.optionalText(input.city(), field + ".city", 100),
                InputChecks.optionalText(input.region(), field + ".region", 100),
                InputChecks.optionalText(input.postalCode(), field + ".postalCode", 20),
                countryCode(input.country(), field + ".country"));
    }

    private static String countryCode(String value, String field) {
        if (value != null && !value.matches("[A-Z]{2}")) {
            throw new InvalidInputException(field, field + " must be an ISO 3166-1 alpha-2 code, e.g. US.");
        }
        return value;
    }

    /**
     * Truncated to what PostgreSQL stores, so that the answer equals what a later read
     * returns.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
