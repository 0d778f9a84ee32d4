package dev.erpgraph.crm.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The CRM's record of a customer or prospect. A narrow aggregate on purpose: contacts,
 * opportunities and ERP links are separate aggregates referring to it by id, so that
 * pages of them load in one query per page of accounts instead of one per account.
 */
@Table("accounts")
public record Account(@Id Long id, String name, String industry, String website, String phone,
        @Embedded.Nullable(prefix = "billing_") Address billingAddress,
        @Embedded.Nullable(prefix = "shipping_") Address shippingAddress, String ownerId, String partnerId,
        Instant createdAt, Instant updatedAt, @Version Integer version) {
}
