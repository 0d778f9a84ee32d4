package dev.erpgraph.crm.erplink;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Which ERP customer record an account is: the key under which its orders, credit and
 * prices are read live. One ERP customer belongs to at most one account (unique
 * {@code (erp_system_id, customer_number)}).
 */
@Table("erp_customer_links")
public record ErpCustomerLink(@Id Long id, Long accountId, String erpSystemId, String customerNumber) {
}
