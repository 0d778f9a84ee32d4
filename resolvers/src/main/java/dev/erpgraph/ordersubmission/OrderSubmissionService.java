package dev.erpgraph.ordersubmission;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.crm.errors.InputChecks;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.crm.opportunity.OpportunityLineRepository;
import dev.erpgraph.crm.opportunity.OpportunityRepository;
import dev.erpgraph.crm.opportunity.OpportunityStage;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.RetryOpportunityOrderInput;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.SubmitOpportunityOrderInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a won opportunity into a pending order submission: the opportunity's stage and
 * the outbox row change in one transaction, so there is never a won opportunity whose
 * order was decided but not recorded, nor a recorded order for an opportunity that is not
 * won. Nothing here calls an ERP; {@link OrderSubmissionWorker} does, after the commit.
 */
@Service
class OrderSubmissionService {

    /** Crockford's base32: no I, L, O or U to misread when a reference is read aloud. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final OpportunityRepository opportunities;

    private final OpportunityLineRepository lines;

    private final ErpCustomerLinkRepository links;

    private final OrderSubmissions submissions;

    private final ErpGateway gateway;

    private final OrderSubmissionProperties properties;

    private final ApplicationEventPublisher events;

    private final SecureRandom random = new SecureRandom();

    OrderSubmissionService(OpportunityRepository opportunities, OpportunityLineRepository lines,
            ErpCustomerLinkRepository links, OrderSubmissions submissions, ErpGateway gateway,
            OrderSubmissionProperties properties, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.lines = lines;
        this.links = links;
        this.submissions = submissions;
        this.gateway = gateway;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Records the opportunity's order for the worker, or answers the opportunity as it is
     * when it was submitted before.
     */
    @Transactional
    Opportunity submit(Caller caller, SubmitOpportunityOrderInput input) {
        long id = GlobalId.decode(input.opportunityId(), GlobalId.OPPORTUNITY, "opportunityId");
        Opportunity opportunity = opportunity(caller, id);
        if (submissions.findByOpportunity(id).isPresent()) {
            return opportunity;
        }
        if (!opportunity.version().equals(input.expectedVersion())) {
            throw new VersionConflictException("The opportunity has changed since version " + input.expectedVersion()
                    + "; it is at version " + opportunity.version() + ".");
        }
        if (opportunity.stage() == OpportunityStage.CLOSED_LOST) {
            throw new InvalidInputException("opportunityId", "A lost opportunity cannot become an order.");
        }
        String purchaseOrder = InputChecks.optionalText(input.customerPurchaseOrder(), "customerPurchaseOrder", 35);
        LocalDate requested = input.requestedDeliveryDate();
        if (requested != null && requested.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new InvalidInputException("requestedDeliveryDate", "requestedDeliveryDate must not be in the past.");
        }
        List<OrderSubmissions.Line> orderLines = lines
            .findByOpportunityIdInOrderByOpportunityIdAscLineNumberAsc(List.of(id))
            .stream()
            .map(line -> new OrderSubmissions.Line(line.lineNumber(), line.sku(), line.quantity()))
            .toList();
        if (orderLines.isEmpty()) {
            throw new InvalidInputException("opportunityId",
                    "The opportunity has no lines: an order needs at least one item and quantity.");
        }
        ErpCustomerLink customer = customer(opportunity, input.erpSystemId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Opportunity won = won(opportunity, now);
        submissions.insert(new OrderSubmissions.NewSubmission(id, customer.erpSystemId(), customer.customerNumber(),
                reference(id), (purchaseOrder == null || purchaseOrder.isEmpty()) ? null : purchaseOrder, requested,
                caller.id(), properties.maxAttempts(), orderLines), now);
        events.publishEvent(new OrderSubmissionRequested(id));
        return won;
    }

    /** Puts a failed submission back in the outbox with a new round of attempts. */
    @Transactional
    Opportunity retry(Caller caller, RetryOpportunityOrderInput input) {
        long id = GlobalId.decode(input.opportunityId(), GlobalId.OPPORTUNITY, "opportunityId");
        Opportunity opportunity = opportunity(caller, id);
        OrderSubmission submission = submissions.findByOpportunity(id)
            .orElseThrow(() -> new InvalidInputException("opportunityId", "The opportunity has not been submitted."));
        if (submission.state() != OrderSubmissionState.FAILED
                || !submissions.retry(id, properties.maxAttempts(), Instant.now())) {
            throw new InvalidInputException("opportunityId",
                    "Only a FAILED submission can be retried; this one is " + submission.state() + ".");
        }
        events.publishEvent(new OrderSubmissionRequested(id));
        return opportunity;
    }

    /** The opportunity as the caller may see it now; for a submit that lost a race. */
    @Transactional(readOnly = true)
    Opportunity current(Caller caller, String opportunityId) {
        return opportunity(caller, GlobalId.decode(opportunityId, GlobalId.OPPORTUNITY, "opportunityId"));
    }

    private Opportunity opportunity(Caller caller, long id) {
        return opportunities.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No opportunity with this opportunityId."));
    }

    /**
     * The ERP customer that takes the order: the one named, else the one the opportunity
     * names, else the account's only one.
     */
    private ErpCustomerLink customer(Opportunity opportunity, String erpSystemId) {
        List<ErpCustomerLink> linked = links.findByAccountIdIn(List.of(opportunity.accountId()));
        if (linked.isEmpty()) {
            throw new InvalidInputException("opportunityId",
                    "The opportunity's account is not linked to an ERP customer: link it first (linkErpCustomer).");
        }
        String wanted = (erpSystemId != null) ? erpSystemId : opportunity.erpSystemId();
        if (wanted == null && linked.size() > 1) {
            throw new InvalidInputException("erpSystemId",
                    "The account is a customer in several ERPs ("
                            + String.join(", ", linked.stream().map(ErpCustomerLink::erpSystemId).toList())
                            + "): name the one that takes the order in erpSystemId.");
        }
        ErpCustomerLink chosen = (wanted == null) ? linked.get(0)
                : linked.stream()
                    .filter(link -> link.erpSystemId().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("erpSystemId",
                            "The account is not a customer in ERP system '" + wanted + "'."));
        if (gateway.systems().find(chosen.erpSystemId()).isEmpty()) {
            throw new InvalidInputException("erpSystemId",
                    "ERP system '" + chosen.erpSystemId() + "' is not configured on this server.");
        }
        return chosen;
    }

    private Opportunity won(Opportunity opportunity, Instant now) {
        if (opportunity.stage() == OpportunityStage.CLOSED_WON) {
            return opportunity;
        }
        try {
            return opportunities.save(new Opportunity(opportunity.id(), opportunity.accountId(), opportunity.name(),
                    OpportunityStage.CLOSED_WON, opportunity.amount(), opportunity.currency(), opportunity.closeDate(),
                    opportunity.probability(), opportunity.ownerId(), opportunity.erpSystemId(),
                    opportunity.erpOrderNumber(), opportunity.createdAt(), now, opportunity.version()));
        }
        catch (OptimisticLockingFailureException ex) {
            throw new VersionConflictException("The opportunity has just been changed by someone else.");
        }
    }

    /**
     * The order's reference in the ERP: the opportunity's id and six random characters,
     * so that two CRM databases (a test copy, a second installation) writing into one ERP
     * never share one, in at most 20 characters (SX.e's customer PO holds 22).
     */
    private String reference(long opportunityId) {
        StringBuilder reference = new StringBuilder("CRM").append(opportunityId).append('-');
        for (int i = 0; i < 6; i++) {
            reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }

}
