package dev.erpgraph.crm;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code account}, {@code accounts} and the account mutations, over HTTP. */
class AccountTests extends HttpGraphQlTests {

    @Autowired
    ErpCustomerLinkRepository links;

    @Test
    void createsAnAccountWithEveryFieldAndEchoesTheClientMutationId() {
        Map<String, Object> address = Map.of("street", "1200 Euclid Ave", "city", "Cleveland", "region", "OH",
                "postalCode", "44115", "country", "US");
        GraphQlTester.Response response = graphQl.documentName("createAccount")
            .fragmentName("accountFields")
            .variable("input",
                    Map.of("name", "Cuyahoga Mechanical Supply", "industry", "Mechanical supply house", "website",
                            "https://www.cuyahogamech.example", "phone", "+1 216-555-0100", "billingAddress", address,
                            "ownerId", "rep-3", "partnerId", "partner-1", "clientMutationId", "m-1"))
            .execute();
        response.path("createAccount.clientMutationId").entity(String.class).isEqualTo("m-1");
        response.path("createAccount.account.name").entity(String.class).isEqualTo("Cuyahoga Mechanical Supply");
        response.path("createAccount.account.billingAddress").entity(Map.class).isEqualTo(address);
        response.path("createAccount.account.shippingAddress").valueIsNull();
        response.path("createAccount.account.ownerId").entity(String.class).isEqualTo("rep-3");
        response.path("createAccount.account.version").entity(Integer.class).isEqualTo(0);
        String id = response.path("createAccount.account.id").entity(String.class).get();
        assertThat(new String(Base64.getUrlDecoder().decode(id))).startsWith("Account:");

        GraphQlTester.Response read = graphQl.documentName("account")
            .fragmentName("accountFields")
            .variable("id", id)
            .execute();
        read.path("account.website").entity(String.class).isEqualTo("https://www.cuyahogamech.example");
        read.path("account.createdAt")
            .entity(String.class)
            .isEqualTo(response.path("createAccount.account.createdAt").entity(String.class).get());
    }

    @Test
    void answersNullWithNotFoundForAnUnknownAccount() {
        graphQl.documentName("account")
            .fragmentName("accountFields")
            .variable("id", encode("Account:999999999"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null))
            .path("account")
            .valueIsNull();
    }

    @Test
    void refusesAnIdOfAnotherTypeOrGarbage() {
        for (String id : List.of(encode("Contact:1"), "not-an-id!", encode("Account:x"))) {
            graphQl.documentName("account")
                .fragmentName("accountFields")
                .variable("id", id)
                .execute()
                .errors()
                .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "id"));
        }
    }

    @Test
    void pagesThroughAccountsToTheLastPage() {
        String word = uniqueWord();
        for (int i = 1; i <= 5; i++) {
            createAccount(word + " Account " + i);
        }
        Map<String, Object> filter = Map.of("nameContains", word.toUpperCase());

        GraphQlTester.Response first = page(2, null, filter);
        first.path("accounts.totalCount").entity(Integer.class).isEqualTo(5);
        first.path("accounts.nodes[*].name")
            .entityList(String.class)
            .containsExactly(word + " Account 1", word + " Account 2");
        first.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String endCursor = first.path("accounts.pageInfo.endCursor").entity(String.class).get();
        first.path("accounts.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

        GraphQlTester.Response second = page(2, endCursor, filter);
        second.path("accounts.nodes[*].name")
            .entityList(String.class)
            .containsExactly(word + " Account 3", word + " Account 4");
        second.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        second.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

        GraphQlTester.Response last = page(2, second.path("accounts.pageInfo.endCursor").entity(String.class).get(),
                filter);
        last.path("accounts.nodes[*].name").entityList(String.class).containsExactly(word + " Account 5");
        last.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        last.path("accounts.totalCount").entity(Integer.class).isEqualTo(5);

        GraphQlTester.Response beyond = page(2, last.path("accounts.pageInfo.endCursor").entity(String.class).get(),
                filter);
        beyond.path("accounts.nodes").entityList(Object.class).hasSize(0);
        beyond.path("accounts.pageInfo.startCursor").valueIsNull();
        beyond.path("accounts.pageInfo.endCursor").valueIsNull();
        beyond.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void reportsNoNextPageAtAnExactPageBoundary() {
        String word = uniqueWord();
        for (int i = 1; i <= 4; i++) {
            createAccount(word + " " + i);
        }
        Map<String, Object> filter = Map.of("nameContains", word);
        GraphQlTester.Response whole = page(4, null, filter);
        whole.path("accounts.nodes").entityList(Object.class).hasSize(4);
        whole.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        String second = page(2, null, filter).path("accounts.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response rest = page(2, second, filter);
        rest.path("accounts.nodes").entityList(Object.class).hasSize(2);
        rest.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void defaultsToTwentyAccounts() {
        GraphQlTester.Response response = page(null, null, null);
        response.path("accounts.nodes").entityList(Object.class).hasSize(20);
        response.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void refusesFirstOutsideOneToHundred() {
        for (int first : new int[] { 0, 101, -1 }) {
            graphQl.documentName("accountsPage")
                .variable("first", first)
                .execute()
                .errors()
                .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "first"));
        }
        page(100, null, null).path("accounts.nodes").entityList(Object.class).hasSize(100);
    }

    @Test
    void refusesABadCursor() {
        for (String after : List.of("garbage", encode("c1:abc"), encode("Account:5"))) {
            graphQl.documentName("accountsPage")
                .variable("after", after)
                .execute()
                .errors()
                .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "after"));
        }
    }

    @Test
    void filtersByOwnerAndErpSystem() {
        String word = uniqueWord();
        String mine = createAccount(Map.of("name", word + " Mine", "ownerId", "rep-test-" + word));
        createAccount(Map.of("name", word + " Theirs", "ownerId", "rep-other"));
        page(10, null, Map.of("ownerId", "rep-test-" + word)).path("accounts.edges[*].node.id")
            .entityList(String.class)
            .containsExactly(mine);

        long accountId = Long.parseLong(new String(Base64.getUrlDecoder().decode(mine)).substring(8));
        links.save(new ErpCustomerLink(null, accountId, "erp-" + word, "C-100"));
        GraphQlTester.Response linked = page(10, null, Map.of("erpSystemId", "erp-" + word));
        linked.path("accounts.edges[*].node.id").entityList(String.class).containsExactly(mine);
        linked.path("accounts.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void updatesAnAccountAndBumpsItsVersion() {
        String id = createAccount(Map.of("name", "Maumee Plumbing Supply", "phone", "+1 419-555-0100"));
        GraphQlTester.Response response = graphQl.documentName("updateAccount")
            .fragmentName("accountFields")
            .variable("input",
                    Map.of("id", id, "expectedVersion", 0, "name", "Maumee Plumbing Supply Co.", "clientMutationId",
                            "u-1"))
            .execute();
        response.path("updateAccount.clientMutationId").entity(String.class).isEqualTo("u-1");
        response.path("updateAccount.account.name").entity(String.class).isEqualTo("Maumee Plumbing Supply Co.");
        response.path("updateAccount.account.phone").entity(String.class).isEqualTo("+1 419-555-0100");
        response.path("updateAccount.account.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void refusesAStaleVersionAndWritesNothing() {
        String id = createAccount("Wabash Electric");
        update(Map.of("id", id, "expectedVersion", 0, "name", "Wabash Electric Inc."))
            .path("updateAccount.account.version")
            .entity(Integer.class)
            .isEqualTo(1);
        update(Map.of("id", id, "expectedVersion", 0, "name", "Overwritten")).errors()
            .satisfy(errors -> assertSingleError(errors, "CONFLICT", null));
        GraphQlTester.Response read = graphQl.documentName("account")
            .fragmentName("accountFields")
            .variable("id", id)
            .execute();
        read.path("account.name").entity(String.class).isEqualTo("Wabash Electric Inc.");
        read.path("account.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAnUpdateOfAnUnknownAccount() {
        update(Map.of("id", encode("Account:999999999"), "expectedVersion", 0, "name", "Ghost")).errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
    }

    @Test
    void refusesInvalidAccountInputNamingTheFieldAndWritesNothing() {
        String word = uniqueWord();
        assertInvalid(Map.of("name", "   "), "name");
        assertInvalid(Map.of("name", word + "x".repeat(200)), "name");
        assertInvalid(Map.of("name", word, "website", "ftp://example.com"), "website");
        assertInvalid(Map.of("name", word, "website", "not a url"), "website");
        assertInvalid(Map.of("name", word, "billingAddress", Map.of("country", "USA")), "billingAddress.country");
        page(10, null, Map.of("nameContains", word)).path("accounts.totalCount").entity(Integer.class).isEqualTo(0);

        String id = createAccount(word + " Valid");
        update(Map.of("id", id, "expectedVersion", 0, "name", "")).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "name"));
        update(Map.of("id", encode("Opportunity:1"), "expectedVersion", 0)).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "id"));
        graphQl.documentName("account")
            .fragmentName("accountFields")
            .variable("id", id)
            .execute()
            .path("account.version")
            .entity(Integer.class)
            .isEqualTo(0);
    }

    private void assertInvalid(Map<String, Object> input, String field) {
        graphQl.documentName("createAccount")
            .fragmentName("accountFields")
            .variable("input", input)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", field));
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return graphQl.documentName("updateAccount").fragmentName("accountFields").variable("input", input).execute();
    }

    private GraphQlTester.Response page(Integer first, String after, Map<String, Object> filter) {
        GraphQlTester.Request<?> request = graphQl.documentName("accountsPage");
        if (first != null) {
            request = request.variable("first", first);
        }
        if (after != null) {
            request = request.variable("after", after);
        }
        if (filter != null) {
            request = request.variable("filter", filter);
        }
        return request.execute();
    }

    static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes());
    }

}
