package dev.erpgraph.crm.contact;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person at an account; its own aggregate, referring to the account by id. */
@Table("contacts")
public record Contact(@Id Long id, Long accountId, String firstName, String lastName, String email, String phone,
        String title, String role, Instant createdAt, Instant updatedAt, @Version Integer version) {
}
