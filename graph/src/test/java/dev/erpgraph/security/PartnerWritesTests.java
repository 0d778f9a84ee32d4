package dev.erpgraph.security;

import java.util.Map;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner portal writes only into its own accounts: every write aimed at another
 * partner's record answers as if the record did not exist, and changes nothing; what it
 * creates is its own, and it cannot give an account away.
 */
class PartnerWritesTests extends HttpGraphQlTests {

    private static final String PARTNER = "demo-partner-1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountAPartnerCreatesIsItsOwnAndStaysItsOwn() {
        String name = uniqueWord();
        String id = write("partnerCreateAccount", Map.of("name", name)).path("createAccount.account.partnerId")
            .entity(String.class)
            .isEqualTo("partner-1")
            .path("createAccount.account.id")
            .entity(String.class)
            .get();

        refused(write("partnerCreateAccount", Map.of("name", uniqueWord(), "partnerId", "partner-2")),
                "BAD_USER_INPUT");
        refused(write("partnerUpdateAccount", Map.of("id", id, "expectedVersion", 0, "partnerId", "partner-2")),
                "BAD_USER_INPUT");
        assertThat(jdbc.queryForObject("select partner_id from accounts where name = ?", String.class, name))
            .isEqualTo("partner-1");
    }

    @Test
    void everyWriteIntoAnotherPartnersAccountIsNotFoundAndChangesNothing() {
        long account = jdbc.queryForObject("select min(a.id) from accounts a where a.partner_id = 'partner-2'"
                + " and exists (select 1 from contacts c where c.account_id = a.id)"
                + " and exists (select 1 from opportunities o where o.account_id = a.id)", Long.class);
        long contact = jdbc.queryForObject("select min(id) from contacts where account_id = ?", Long.class, account);
        long opportunity = jdbc.queryForObject("select min(id) from opportunities where account_id = ?", Long.class,
                account);
        String accountId = GlobalId.encode(GlobalId.ACCOUNT, account);
        String before = snapshot(account);

        refused(write("partnerUpdateAccount", Map.of("id", accountId, "expectedVersion", 0, "name", "Taken")),
                "NOT_FOUND");
        refused(write("partnerCreateContact", Map.of("accountId", accountId, "firstName", "Eve", "lastName", "Spy")),
                "NOT_FOUND");
        refused(write("partnerUpdateContact",
                Map.of("id", GlobalId.encode(GlobalId.CONTACT, contact), "expectedVersion", 0, "lastName", "Spy")),
                "NOT_FOUND");
        refused(write("partnerCreateOpportunity", Map.of("accountId", accountId, "name", "Poached")), "NOT_FOUND");
        refused(write("partnerUpdateOpportunity", Map.of("id", GlobalId.encode(GlobalId.OPPORTUNITY, opportunity),
                "expectedVersion", 0, "name", "Poached")), "NOT_FOUND");
        refused(write("partnerLinkErpCustomer",
                Map.of("accountId", accountId, "erpSystemId", "sap", "customerNumber", "99999999")), "NOT_FOUND");

        assertThat(snapshot(account)).isEqualTo(before);
    }

    /** Everything of the account a write could have touched. */
    private String snapshot(long account) {
        return jdbc.queryForList("select * from accounts where id = ?", account) + " "
                + jdbc.queryForList("select * from contacts where account_id = ? order by id", account) + " "
                + jdbc.queryForList("select * from opportunities where account_id = ? order by id", account) + " "
                + jdbc.queryForList("select * from erp_customer_links where account_id = ? order by id", account);
    }

    private GraphQlTester.Response write(String document, Map<String, Object> input) {
        return as(PARTNER).document(TrustedDocuments.read(document)).variable("input", input).execute();
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", code);
        }));
    }

}
