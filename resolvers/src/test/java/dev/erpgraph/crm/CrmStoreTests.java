package dev.erpgraph.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.account.AccountFilter;
import dev.erpgraph.crm.account.AccountPages;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.account.Address;
import dev.erpgraph.crm.contact.Contact;
import dev.erpgraph.crm.contact.ContactPagesLoader;
import dev.erpgraph.crm.contact.ContactRepository;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.crm.opportunity.OpportunityFilter;
import dev.erpgraph.crm.opportunity.OpportunityLine;
import dev.erpgraph.crm.opportunity.OpportunityLineRepository;
import dev.erpgraph.crm.opportunity.OpportunityPages;
import dev.erpgraph.crm.opportunity.OpportunityRepository;
import dev.erpgraph.crm.opportunity.OpportunityStage;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.PageRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CRM store against a real database: migrations, mapping, optimistic locking,
 * constraints and the hand-written page SQL. Subclasses pick the database (H2 always;
 * PostgreSQL when reachable). Each test runs in a rolled-back transaction.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ AccountPages.class, ContactPagesLoader.class, OpportunityPages.class, CrmStoreTests.Loaders.class })
abstract class CrmStoreTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    ContactRepository contacts;

    @Autowired
    OpportunityRepository opportunities;

    @Autowired
    OpportunityLineRepository lines;

    @Autowired
    ErpCustomerLinkRepository links;

    @Autowired
    AccountPages accountPages;

    @Autowired
    ContactPagesLoader contactPages;

    @Autowired
    OpportunityPages opportunityPages;

    @Test
    void savesAndReadsAnAccountWithEmbeddedAddresses() {
        Address billing = new Address("1200 Euclid Ave", "Cleveland", "OH", "44115", "US");
        Account saved = accounts.save(account("Cuyahoga Mechanical Supply", "rep-1", billing));
        Account read = accounts.findById(saved.id()).orElseThrow();
        assertThat(read.version()).isZero();
        assertThat(read.billingAddress()).isEqualTo(billing);
        assertThat(read.shippingAddress()).isNull();
        assertThat(read.createdAt()).isEqualTo(saved.createdAt());
    }

    @Test
    void refusesAStaleVersion() {
        Account saved = accounts.save(account("Maumee Plumbing Supply", "rep-2", null));
        Account updated = accounts.save(rename(saved, "Maumee Plumbing Supply Co."));
        assertThat(updated.version()).isEqualTo(1);
        assertThatExceptionOfType(OptimisticLockingFailureException.class)
            .isThrownBy(() -> accounts.save(rename(saved, "Stale")));
    }

    @Test
    void pagesAccountsByFilterWithCursors() {
        Account a = accounts.save(account("Wabash 100% Electric", "rep-7", null));
        Account b = accounts.save(account("WABASH Electric Supply", "rep-7", null));
        accounts.save(account("Wabash Electric Group", "rep-8", null));
        links.save(new ErpCustomerLink(null, b.id(), "sap-us", "C-1"));

        Connection<Account> first = accountPages.find(AccountScope.ALL, new AccountFilter("wabash", null, "rep-7"),
                PageRequest.of(1, null), true);
        assertThat(first.nodes()).extracting(Account::id).containsExactly(a.id());
        assertThat(first.totalCount()).isEqualTo(2);
        assertThat(first.pageInfo().hasNextPage()).isTrue();
        Connection<Account> second = accountPages.find(AccountScope.ALL, new AccountFilter("wabash", null, "rep-7"),
                PageRequest.of(1, first.pageInfo().endCursor()), true);
        assertThat(second.nodes()).extracting(Account::id).containsExactly(b.id());
        assertThat(second.totalCount()).isEqualTo(2);
        assertThat(second.pageInfo().hasNextPage()).isFalse();
        assertThat(second.pageInfo().hasPreviousPage()).isTrue();

        assertThat(accountPages
            .find(AccountScope.ALL, new AccountFilter(null, "sap-us", null), PageRequest.of(10, null), false)
            .nodes()).extracting(Account::id).containsExactly(b.id());
        // % is a character here, not a wildcard
        assertThat(accountPages
            .find(AccountScope.ALL, new AccountFilter("100%", null, null), PageRequest.of(10, null), false)
            .nodes()).extracting(Account::id).containsExactly(a.id());
    }

    @Test
    void loadsContactPagesOfManyAccountsAtOnce() {
        Account a = accounts.save(account("Scioto Mechanical", null, null));
        Account b = accounts.save(account("Saginaw Hydronics", null, null));
        Account empty = accounts.save(account("Huron Sheet Metal", null, null));
        List<Contact> ofA = List.of(contacts.save(contact(a, "Mike")), contacts.save(contact(a, "Lisa")),
                contacts.save(contact(a, "Amy")));
        Contact ofB = contacts.save(contact(b, "Tom"));
        PageRequest page = PageRequest.of(2, null);

        Map<ContactPagesLoader.Key, Connection<Contact>> result = contactPages.load(AccountScope.ALL,
                Set.of(new ContactPagesLoader.Key(a.id(), page), new ContactPagesLoader.Key(b.id(), page),
                        new ContactPagesLoader.Key(empty.id(), page)));

        Connection<Contact> pageOfA = result.get(new ContactPagesLoader.Key(a.id(), page));
        assertThat(pageOfA.nodes()).extracting(Contact::id).containsExactly(ofA.get(0).id(), ofA.get(1).id());
        assertThat(pageOfA.totalCount()).isEqualTo(3);
        assertThat(pageOfA.pageInfo().hasNextPage()).isTrue();
        assertThat(result.get(new ContactPagesLoader.Key(b.id(), page)).nodes()).containsExactly(ofB);
        assertThat(result.get(new ContactPagesLoader.Key(empty.id(), page)).nodes()).isEmpty();
        assertThat(result.get(new ContactPagesLoader.Key(empty.id(), page)).totalCount()).isZero();
    }

    @Test
    void filtersOpportunitiesByStageAndCloseDate() {
        Account a = accounts.save(account("Kalamazoo Comfort Systems", null, null));
        Opportunity won = opportunities.save(opportunity(a, OpportunityStage.CLOSED_WON, "2026-03-01"));
        opportunities.save(opportunity(a, OpportunityStage.PROSPECTING, "2026-03-01"));
        opportunities.save(opportunity(a, OpportunityStage.CLOSED_WON, "2026-09-01"));
        OpportunityFilter filter = new OpportunityFilter(List.of(OpportunityStage.CLOSED_WON), null,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));

        Map<OpportunityPages.Key, Connection<Opportunity>> result = opportunityPages.loadPerAccount(AccountScope.ALL,
                Set.of(new OpportunityPages.Key(a.id(), PageRequest.of(null, null), filter)));

        Connection<Opportunity> page = result.values().iterator().next();
        assertThat(page.nodes()).extracting(Opportunity::id).containsExactly(won.id());
        assertThat(page.nodes().get(0).amount()).isEqualByComparingTo("12500.50");
        assertThat(page.totalCount()).isEqualTo(1);
    }

    @Test
    void keepsEveryReadOfAPartnerToItsOwnAccounts() {
        Account own = accounts.save(partnerAccount("Lorain Supply", "partner-a"));
        Account ownToo = accounts.save(partnerAccount("Lorain Supply West", "partner-a"));
        Account others = accounts.save(partnerAccount("Lorain Supply East", "partner-b"));
        Account internal = accounts.save(account("Lorain Supply House", null, null));
        Contact othersContact = contacts.save(contact(others, "Eve"));
        Contact ownContact = contacts.save(contact(own, "Ann"));
        Opportunity othersOpportunity = opportunities
            .save(opportunity(others, OpportunityStage.PROPOSAL, "2026-08-01"));
        Opportunity ownOpportunity = opportunities.save(opportunity(own, OpportunityStage.PROPOSAL, "2026-08-01"));
        AccountScope partnerA = AccountScope.ofPartner("partner-a");

        Connection<Account> page = accountPages.find(partnerA, new AccountFilter("lorain", null, null),
                PageRequest.of(1, null), true);
        assertThat(page.nodes()).extracting(Account::id).containsExactly(own.id());
        assertThat(page.totalCount()).isEqualTo(2);
        Connection<Account> next = accountPages.find(partnerA, new AccountFilter("lorain", null, null),
                PageRequest.of(10, page.pageInfo().endCursor()), true);
        assertThat(next.nodes()).extracting(Account::id).containsExactly(ownToo.id());
        assertThat(next.pageInfo().hasNextPage()).isFalse();
        assertThat(accountPages
            .find(AccountScope.ALL, new AccountFilter("lorain", null, null), PageRequest.of(10, null), true)
            .totalCount()).isEqualTo(4);

        assertThat(accounts.findById(others.id(), partnerA)).isEmpty();
        assertThat(accounts.findById(internal.id(), partnerA)).isEmpty();
        assertThat(accounts.findById(own.id(), partnerA)).isPresent();
        assertThat(accounts.existsById(others.id(), partnerA)).isFalse();
        assertThat(accounts.findAllById(List.of(own.id(), others.id(), internal.id()), partnerA))
            .extracting(Account::id)
            .containsExactly(own.id());
        assertThat(contacts.findById(othersContact.id(), partnerA)).isEmpty();
        assertThat(contacts.findById(ownContact.id(), partnerA)).isPresent();
        assertThat(opportunities.findById(othersOpportunity.id(), partnerA)).isEmpty();
        assertThat(opportunities.findById(ownOpportunity.id(), partnerA)).isPresent();

        PageRequest first = PageRequest.of(10, null);
        assertThat(
                contactPages
                    .load(partnerA,
                            Set.of(new ContactPagesLoader.Key(own.id(), first),
                                    new ContactPagesLoader.Key(others.id(), first)))
                    .get(new ContactPagesLoader.Key(others.id(), first))
                    .totalCount())
            .isZero();
        assertThat(opportunityPages.find(partnerA, null, PageRequest.of(100, null), true).nodes())
            .extracting(Opportunity::id)
            .contains(ownOpportunity.id())
            .doesNotContain(othersOpportunity.id());
        assertThat(opportunityPages.loadPerAccount(partnerA, Set.of(new OpportunityPages.Key(others.id(), first, null)))
            .values()
            .iterator()
            .next()
            .nodes()).isEmpty();
    }

    @Test
    void readsLinesOfManyOpportunitiesInLineOrder() {
        Account a = accounts.save(account("Fox Valley Plumbing & Heating", null, null));
        Opportunity one = opportunities.save(opportunity(a, OpportunityStage.PROPOSAL, "2026-08-01"));
        Opportunity two = opportunities.save(opportunity(a, OpportunityStage.PROPOSAL, "2026-08-01"));
        lines.save(new OpportunityLine(null, two.id(), 2, "PEX-A-34-300", new BigDecimal("3")));
        lines.save(new OpportunityLine(null, one.id(), 1, "WH-50G-NG", new BigDecimal("12.5")));
        lines.save(new OpportunityLine(null, two.id(), 1, "BV-1-NPT", new BigDecimal("40")));

        List<OpportunityLine> read = lines
            .findByOpportunityIdInOrderByOpportunityIdAscLineNumberAsc(List.of(one.id(), two.id()));

        assertThat(read).extracting(OpportunityLine::sku).containsExactly("WH-50G-NG", "BV-1-NPT", "PEX-A-34-300");
        assertThat(read.get(0).quantity()).isEqualByComparingTo("12.5");
    }

    @Test
    void keepsOneAccountPerErpCustomer() {
        Account a = accounts.save(account("Rock River Electric", null, null));
        Account b = accounts.save(account("Rock River Electrical Supply", null, null));
        links.save(new ErpCustomerLink(null, a.id(), "ns-canada", "4711"));
        assertThat(links.findByErpSystemIdAndCustomerNumber("ns-canada", "4711")).get()
            .extracting(ErpCustomerLink::accountId)
            .isEqualTo(a.id());
        assertThat(links.findByAccountIdIn(List.of(a.id(), b.id()))).hasSize(1);
        assertThatExceptionOfType(DuplicateKeyException.class)
            .isThrownBy(() -> links.save(new ErpCustomerLink(null, b.id(), "ns-canada", "4711")));
    }

    private static Account account(String name, String owner, Address billing) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Account(null, name, "HVAC contractor", null, null, billing, null, owner, null, now, now, null);
    }

    private static Account partnerAccount(String name, String partnerId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Account(null, name, "HVAC contractor", null, null, null, null, null, partnerId, now, now, null);
    }

    private static Account rename(Account account, String name) {
        return new Account(account.id(), name, account.industry(), account.website(), account.phone(),
                account.billingAddress(), account.shippingAddress(), account.ownerId(), account.partnerId(),
                account.createdAt(), account.updatedAt(), account.version());
    }

    private static Contact contact(Account account, String firstName) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Contact(null, account.id(), firstName, "Kowalski", null, null, null, null, now, now, null);
    }

    private static Opportunity opportunity(Account account, OpportunityStage stage, String closeDate) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Opportunity(null, account.id(), "Boiler retrofit", stage, new BigDecimal("12500.50"), "USD",
                LocalDate.parse(closeDate), 50, "rep-1", null, null, now, now, null);
    }

    /**
     * The page loaders register themselves here; the slice has no GraphQL infrastructure.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Loaders {

        @Bean
        BatchLoaderRegistry batchLoaderRegistry() {
            return new DefaultBatchLoaderRegistry();
        }

    }

}
