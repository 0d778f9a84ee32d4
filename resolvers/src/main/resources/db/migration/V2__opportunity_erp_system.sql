-- An ERP order number means nothing without the ERP it lives in: an account may be a customer in several.
-- Written with erp_order_number when a won opportunity becomes a sales order.
alter table opportunities add column erp_system_id varchar(100);
