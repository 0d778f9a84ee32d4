package dev.erpgraph.crm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees when something fails: a code, never internals. */
class ErrorHandlingTests extends HttpGraphQlTests {

    @Test
    void hidesAnUnexpectedFailureBehindACorrelationId() {
        graphQl.document("{ failingField }").execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "INTERNAL").containsKey("correlationId");
                String correlationId = (String) error.getExtensions().get("correlationId");
                assertThat(correlationId).matches("[0-9a-f-]{36}");
                assertThat(error.getMessage()).contains(correlationId)
                    .doesNotContain("select", "hunter2", "IllegalStateException", "Exception", "at dev.");
                assertThat(error.getExtensions().toString()).doesNotContain("select", "hunter2", "Exception");
                assertThat(error.getPath()).isEqualTo("failingField");
            });
        }).path("failingField").valueIsNull();
    }

    @Test
    void answersBadUserInputForAVariableThatDoesNotCoerce() {
        graphQl.documentName("accountsPage").variable("first", "twenty").execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                assertThat(error.getMessage()).doesNotContain("Exception");
            });
        });
    }

    @Test
    void answersBadUserInputForAnUnparsableDecimal() {
        String accountId = createAccount("Buckeye Hydronics");
        graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input",
                    Map.of("accountId", accountId, "name", "Deal", "amount",
                            Map.of("amount", "12,50", "currency", "USD")))
            .execute()
            .errors()
            .satisfy(errors -> {
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).doesNotContain("NumberFormatException", "Character");
                });
            });
    }

    @Test
    void answersBadUserInputForAQueryThatDoesNotValidate() {
        graphQl.document("{ accounts { nodes { noSuchField } } }").execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
            });
        });
    }

    @Test
    void answersInternalNotBadUserInputWhenTheServerLeavesANonNullFieldEmpty() {
        graphQl.document("{ emptyNonNullField }")
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL")));
    }

}
