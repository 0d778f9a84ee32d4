package dev.erpgraph.errors;

import graphql.ErrorClassification;

/**
 * The {@code extensions.code} values of API-CONTRACT.md that this server answers today. ERP codes
 * ({@code ERP_UNAVAILABLE}, ...) join here when the ERP errors are mapped.
 */
enum ErrorCode implements ErrorClassification {

    BAD_USER_INPUT, CONFLICT, NOT_FOUND, INTERNAL
}
