package dev.erpgraph.crm.contact;

/** The contact mutations' inputs and payloads, as named in {@code crm.graphqls}. */
final class ContactInputs {

    private ContactInputs() {
    }

    record CreateContactInput(String accountId, String firstName, String lastName, String email, String phone,
            String title, String role, String clientMutationId) {
    }

    record CreateContactPayload(Contact contact, String clientMutationId) {
    }

    record UpdateContactInput(String id, Integer expectedVersion, String firstName, String lastName, String email,
            String phone, String title, String role, String clientMutationId) {
    }

    record UpdateContactPayload(Contact contact, String clientMutationId) {
    }

}
