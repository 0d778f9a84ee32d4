package dev.erpgraph.errors;

import graphql.ErrorClassification;

/**
 * The {@code extensions.code} values of API-CONTRACT.md that this server answers from its
 * error resolver.
 */
enum ErrorCode implements ErrorClassification {

    BAD_USER_INPUT, CONFLICT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, INTERNAL

}
