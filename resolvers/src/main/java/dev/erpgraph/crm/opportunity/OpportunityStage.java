package dev.erpgraph.crm.opportunity;

/** Where an opportunity stands in the sales cycle; stored by name. */
public enum OpportunityStage {

    PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST

}
