package dev.erpgraph.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two partner portals, every path of the API, read and write: each sees its own accounts
 * and what hangs off them, and nothing of the other's; the other's records answer exactly
 * as missing ones do (null with {@code NOT_FOUND}), and pages, totals and cursors count
 * only its own. The expected sets come from the database itself.
 */
class PartnerScopingTests extends HttpGraphQlTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLogWriter accessLog;

    /** One partner's view: its client, and the ids of its and the other's records. */
    record Partner(String client, String partnerId, Set<String> accounts, String account, String contact,
            String opportunity) {
    }

    private Partner one;

    private Partner two;

    @BeforeEach
    void readTheDemoPartnersRecords() {
        one = partner("demo-partner-1", "partner-1");
        two = partner("demo-partner-2", "partner-2");
    }

    @Test
    void theDemoDataGivesEachPartnerTwentyAccountsWithErpLinksContactsAndOpportunities() {
        for (String partnerId : List.of("partner-1", "partner-2")) {
            Integer complete = jdbc.queryForObject(
                    "select count(*) from accounts a where a.partner_id = ?"
                            + " and exists (select 1 from erp_customer_links l where l.account_id = a.id)"
                            + " and exists (select 1 from contacts c where c.account_id = a.id)"
                            + " and exists (select 1 from opportunities o where o.account_id = a.id)",
                    Integer.class, partnerId);
            assertThat(complete).as(partnerId).isGreaterThanOrEqualTo(20);
        }
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({ "1, 2", "2, 1" })
    void pagesThroughExactlyItsOwnAccountsWithTotalsAndCursorsOfItsOwn(int self, int other) {
        Partner me = partner(self);
        Set<String> seen = new HashSet<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = as(me.client()).document(TrustedDocuments.read("partnerAccounts"))
                .variable("first", 7)
                .variable("after", after)
                .execute();
            page.errors().verify();
            page.path("accounts.totalCount").entity(Integer.class).isEqualTo(me.accounts().size());
            page.path("accounts.nodes[*].partnerId")
                .entityList(String.class)
                .satisfies(partners -> assertThat(partners).containsOnly(me.partnerId()));
            seen.addAll(page.path("accounts.nodes[*].id").entityList(String.class).get());
            more = page.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("accounts.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).isEqualTo(me.accounts());
        assertThat(seen).doesNotContainAnyElementsOf(partner(other).accounts());
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({ "1, 2", "2, 1" })
    void aFilterCountsOnlyItsOwnAccounts(int self, int other) {
        Partner me = partner(self);
        Integer linkedToSap = jdbc.queryForObject("select count(*) from accounts a where a.partner_id = ?"
                + " and exists (select 1 from erp_customer_links l where l.account_id = a.id"
                + " and l.erp_system_id = 'sap')", Integer.class, me.partnerId());
        GraphQlTester.Response page = as(me.client()).document(TrustedDocuments.read("partnerAccounts"))
            .variable("first", 100)
            .variable("filter", Map.of("erpSystemId", "sap"))
            .execute();
        page.errors().verify();
        page.path("accounts.totalCount").entity(Integer.class).isEqualTo(linkedToSap);
        page.path("accounts.nodes[*].id")
            .entityList(String.class)
            .satisfies(ids -> assertThat(me.accounts()).containsAll(ids))
            .hasSize(linkedToSap);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({ "1, 2", "2, 1" })
    void seesOnlyOpportunitiesOfItsOwnAccountsAcrossAllPages(int self, int other) {
        Partner me = partner(self);
        Integer own = jdbc.queryForObject("select count(*) from opportunities o join accounts a on a.id = o.account_id"
                + " where a.partner_id = ?", Integer.class, me.partnerId());
        List<String> accountsSeen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = as(me.client()).document(TrustedDocuments.read("partnerOpportunities"))
                .variable("first", 100)
                .variable("after", after)
                .execute();
            page.errors().verify();
            page.path("opportunities.totalCount").entity(Integer.class).isEqualTo(own);
            accountsSeen.addAll(page.path("opportunities.nodes[*].account.id").entityList(String.class).get());
            more = page.path("opportunities.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("opportunities.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(accountsSeen).hasSize(own);
        assertThat(me.accounts()).containsAll(accountsSeen);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({ "1, 2", "2, 1" })
    void readsItsOwnRecordsOnEveryByIdPath(int self, int other) {
        Partner me = partner(self);
        GraphQlTester.Response records = as(me.client()).document(TrustedDocuments.read("partnerRecords"))
            .variable("account", me.account())
            .variable("contact", me.contact())
            .variable("opportunity", me.opportunity())
            .execute();
        records.errors().verify();
        records.path("account.id").entity(String.class).isEqualTo(me.account());
        records.path("accountNode.id").entity(String.class).isEqualTo(me.account());
        records.path("contactNode.id").entity(String.class).isEqualTo(me.contact());
        records.path("opportunityNode.id").entity(String.class).isEqualTo(me.opportunity());
        records.path("contact.account.id").entity(String.class).isEqualTo(me.account());
        records.path("opportunity.account.id").entity(String.class).isEqualTo(me.account());
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({ "1, 2", "2, 1" })
    void findsNothingOfTheOtherPartnerOnAnyByIdPathJustAsForMissingIds(int self, int other) {
        Partner me = partner(self);
        Partner them = partner(other);
        List<ResponseError> othersErrors = records(me, them.account(), them.contact(), them.opportunity());
        List<ResponseError> missingErrors = records(me, GlobalId.encode(GlobalId.ACCOUNT, 999_999_999),
                GlobalId.encode(GlobalId.CONTACT, 999_999_999), GlobalId.encode(GlobalId.OPPORTUNITY, 999_999_999));
        assertThat(othersErrors).hasSize(6).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
        });
        assertThat(othersErrors).extracting(ResponseError::getMessage, ResponseError::getPath)
            .isEqualTo(missingErrors.stream().map(error -> tuple(error.getMessage(), error.getPath())).toList());
    }

    @Test
    void theAccessLogListsEachReadOfEachPartnerAndNothingElse() throws Exception {
        String word = uniqueWord();
        String account = createAccount(Map.of("name", word + " Supply", "partnerId", "partner-1"));

        as("demo-partner-1").document(TrustedDocuments.read("partnerAccountById"))
            .variable("id", account)
            .execute()
            .errors()
            .verify();
        as("demo-partner-1").document(TrustedDocuments.read("partnerAccounts"))
            .variable("first", 5)
            .variable("filter", Map.of("nameContains", word))
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes[*].id")
            .entityList(String.class)
            .containsExactly(account);
        as("demo-partner-2").document(TrustedDocuments.read("partnerAccountById"))
            .variable("id", account)
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).hasSize(2)
                .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
        accessLog.flush();

        GraphQlTester.Response log = graphQl
            .document("query($id: ID!) { accessLog(accountId: $id) { nodes { principal principalKind partnerId"
                    + " dataKinds } } }")
            .variable("id", account)
            .execute();
        log.errors().verify();
        log.path("accessLog.nodes[*].principal")
            .entityList(String.class)
            .containsExactly("demo-partner-1", "demo-partner-1", "demo-manager");
        log.path("accessLog.nodes[*].partnerId")
            .entityList(String.class)
            .containsExactly("partner-1", "partner-1", null);
        log.path("accessLog.nodes[*].dataKinds")
            .entityList(Object.class)
            .containsExactly(List.of("CRM"), List.of("CRM"), List.of("CRM"));
    }

    private List<ResponseError> records(Partner me, String account, String contact, String opportunity) {
        List<ResponseError> errors = new ArrayList<>();
        GraphQlTester.Response response = as(me.client()).document(TrustedDocuments.read("partnerRecords"))
            .variable("account", account)
            .variable("contact", contact)
            .variable("opportunity", opportunity)
            .execute();
        response.errors().satisfy(errors::addAll);
        for (String field : List.of("account", "contact", "opportunity", "accountNode", "contactNode",
                "opportunityNode")) {
            response.path(field).valueIsNull();
        }
        return errors;
    }

    private Partner partner(int number) {
        return (number == 1) ? one : two;
    }

    /**
     * The partner's accounts, and one linked account of it with a contact and an
     * opportunity.
     */
    private Partner partner(String client, String partnerId) {
        Set<String> accounts = new HashSet<>(
                jdbc.queryForList("select id from accounts where partner_id = ?", Long.class, partnerId)
                    .stream()
                    .map(id -> GlobalId.encode(GlobalId.ACCOUNT, id))
                    .toList());
        Long account = jdbc.queryForObject(
                "select min(a.id) from accounts a where a.partner_id = ?"
                        + " and exists (select 1 from erp_customer_links l where l.account_id = a.id)",
                Long.class, partnerId);
        Long contact = jdbc.queryForObject("select min(id) from contacts where account_id = ?", Long.class, account);
        Long opportunity = jdbc.queryForObject("select min(id) from opportunities where account_id = ?", Long.class,
                account);
        return new Partner(client, partnerId, accounts, GlobalId.encode(GlobalId.ACCOUNT, account),
                GlobalId.encode(GlobalId.CONTACT, contact), GlobalId.encode(GlobalId.OPPORTUNITY, opportunity));
    }

}
