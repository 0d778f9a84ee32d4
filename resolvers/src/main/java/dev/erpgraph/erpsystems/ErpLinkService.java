package dev.erpgraph.erpsystems;

import java.util.Optional;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erpsystems.ErpLinkController.LinkErpCustomerInput;
import dev.erpgraph.erpsystems.ErpLinkController.LinkErpCustomerPayload;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an account to an ERP customer. The link is CRM data (which ERP record this
 * account is), not a copy of the ERP's: nothing of the customer is read or stored here.
 * Linking twice is harmless; an ERP customer that is already another account's is
 * refused, since its orders and credit would show on two accounts. A partner principal
 * links only its own accounts.
 */
@Service
class ErpLinkService {

    static final int MAX_CUSTOMER_NUMBER = 100;

    private final AccountRepository accounts;

    private final ErpCustomerLinkRepository links;

    private final ErpGateway gateway;

    ErpLinkService(AccountRepository accounts, ErpCustomerLinkRepository links, ErpGateway gateway) {
        this.accounts = accounts;
        this.links = links;
        this.gateway = gateway;
    }

    @Transactional
    LinkErpCustomerPayload link(Caller caller, LinkErpCustomerInput input) {
        long accountId = GlobalId.decode(input.accountId(), GlobalId.ACCOUNT, "accountId");
        if (gateway.systems().find(input.erpSystemId()).isEmpty()) {
            throw new InvalidInputException("erpSystemId",
                    "No ERP system '" + input.erpSystemId() + "' is configured; see Query.erpSystems.");
        }
        String customerNumber = input.customerNumber() == null ? "" : input.customerNumber().strip();
        if (customerNumber.isEmpty() || customerNumber.length() > MAX_CUSTOMER_NUMBER
                || customerNumber.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("customerNumber",
                    "Must be 1 to " + MAX_CUSTOMER_NUMBER + " printable characters.");
        }
        Account account = accounts.findById(accountId, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No account with id " + input.accountId() + "."));
        Optional<ErpCustomerLink> existing = links.findByErpSystemIdAndCustomerNumber(input.erpSystemId(),
                customerNumber);
        if (existing.isPresent() && !existing.get().accountId().equals(accountId)) {
            // A partner is not told which account: it may be another partner's.
            throw new InvalidInputException("customerNumber",
                    caller.isPartner() ? "This ERP customer is already linked to another account."
                            : "This ERP customer is already linked to account "
                                    + GlobalId.encode(GlobalId.ACCOUNT, existing.get().accountId()) + ".");
        }
        if (existing.isEmpty()) {
            links.save(new ErpCustomerLink(null, accountId, input.erpSystemId(), customerNumber));
        }
        return new LinkErpCustomerPayload(account, new ErpCustomerLinkView(input.erpSystemId(), customerNumber),
                input.clientMutationId());
    }

}
