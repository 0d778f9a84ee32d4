package dev.erpgraph.audit;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.crm.relay.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.accessLog}: who has seen an account's data, newest first. The
 * {@code audit:read} scope is the schema's {@code @authorized}. An unknown account, or
 * one outside the caller's partner, answers an empty connection rather than
 * {@code NOT_FOUND}: the log is a list about an account, like
 * {@code opportunities(filter: {accountId})}, and an empty one says nothing about whether
 * the account exists.
 */
@Controller
class AccessLogController {

    private final AccessLogPages pages;

    AccessLogController(AccessLogPages pages) {
        this.pages = pages;
    }

    @QueryMapping
    Connection<AccessLogEntry> accessLog(@Argument String accountId, @Argument Integer first, @Argument String after) {
        long account = GlobalId.decode(accountId, GlobalId.ACCOUNT, "accountId");
        return pages.find(Caller.current().accountScope(), account, PageRequest.of(first, after));
    }

}
