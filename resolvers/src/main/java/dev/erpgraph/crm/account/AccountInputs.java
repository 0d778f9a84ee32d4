package dev.erpgraph.crm.account;

/** The account mutations' inputs and payloads, as named in {@code crm.graphqls}. */
final class AccountInputs {

    private AccountInputs() {
    }

    record CreateAccountInput(String name, String industry, String website, String phone, Address billingAddress,
            Address shippingAddress, String ownerId, String partnerId, String clientMutationId) {
    }

    record CreateAccountPayload(Account account, String clientMutationId) {
    }

    record UpdateAccountInput(String id, Integer expectedVersion, String name, String industry, String website,
            String phone, Address billingAddress, Address shippingAddress, String ownerId, String partnerId,
            String clientMutationId) {
    }

    record UpdateAccountPayload(Account account, String clientMutationId) {
    }

}
