package dev.erpgraph.crm;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a page of accounts with their contacts, opportunities, lines and
 * back-references costs the same, small number of SQL statements whatever the page size.
 */
class QueryCostTests extends HttpGraphQlTests {

    /**
     * accounts (rows, total) 2 + contacts (rows, totals) 2 + Contact.account 1 +
     * opportunities (rows, totals) 2 + Opportunity.lines 1 + Opportunity.account 1.
     */
    static final int STATEMENTS = 9;

    @Test
    void loadsAHundredAccountsWithEverythingInAConstantNumberOfStatements() {
        assertThat(statementsFor(100)).hasSize(STATEMENTS);
    }

    @Test
    void loadsTenAccountsWithTheSameNumberOfStatements() {
        assertThat(statementsFor(10)).hasSize(STATEMENTS);
    }

    private List<String> statementsFor(int accounts) {
        statements.reset();
        graphQl.documentName("bookOfBusiness")
            .variable("first", accounts)
            .execute()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(accounts)
            .path("accounts.nodes[*].contacts.nodes[*].account.id")
            .entityList(String.class)
            .satisfies(ids -> assertThat(ids).hasSizeGreaterThan(accounts))
            .path("accounts.nodes[*].opportunities.nodes[*].lines[*].sku")
            .entityList(String.class)
            .satisfies(skus -> assertThat(skus).hasSizeGreaterThan(accounts * 2));
        return statements.statements();
    }

}
