package dev.erpgraph.ordersubmission;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.RetryOpportunityOrderInput;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.RetryOpportunityOrderPayload;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.SubmitOpportunityOrderInput;
import dev.erpgraph.ordersubmission.OrderSubmissionInputs.SubmitOpportunityOrderPayload;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code submitOpportunityOrder}, {@code retryOpportunityOrder} and
 * {@code Opportunity.orderSubmission}.
 */
@Controller
class OrderSubmissionController {

    private final OrderSubmissionService service;

    private final OrderSubmissions submissions;

    OrderSubmissionController(OrderSubmissionService service, OrderSubmissions submissions) {
        this.service = service;
        this.submissions = submissions;
    }

    /**
     * A submit that lost a race with another submit of the same opportunity (a double
     * click, two tabs) answers the winner's submission, as a later submit would.
     */
    @MutationMapping
    SubmitOpportunityOrderPayload submitOpportunityOrder(@Argument SubmitOpportunityOrderInput input) {
        Caller caller = Caller.current();
        Opportunity opportunity;
        try {
            opportunity = service.submit(caller, input);
        }
        catch (DuplicateKeyException | VersionConflictException ex) {
            long id = GlobalId.decode(input.opportunityId(), GlobalId.OPPORTUNITY, "opportunityId");
            if (submissions.findByOpportunity(id).isEmpty()) {
                throw ex;
            }
            opportunity = service.current(caller, input.opportunityId());
        }
        return new SubmitOpportunityOrderPayload(opportunity, input.clientMutationId());
    }

    @MutationMapping
    RetryOpportunityOrderPayload retryOpportunityOrder(@Argument RetryOpportunityOrderInput input) {
        return new RetryOpportunityOrderPayload(service.retry(Caller.current(), input), input.clientMutationId());
    }

    /** One statement for the submissions of all opportunities in the response. */
    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, OrderSubmission> orderSubmission(List<Opportunity> opportunities) {
        Map<Long, OrderSubmission> byOpportunity = submissions
            .findByOpportunities(opportunities.stream().map(Opportunity::id).distinct().toList());
        return opportunities.stream()
            .filter(opportunity -> byOpportunity.containsKey(opportunity.id()))
            .collect(Collectors.toMap(Function.identity(), opportunity -> byOpportunity.get(opportunity.id()),
                    (a, b) -> a));
    }

}
