package dev.erpgraph.audit;

import graphql.GraphQLContext;

/**
 * The access log's entry point for values that reach an answer without an account above
 * them in it: a federation gateway's {@code _entities} asks for a sales order by its
 * number, and only its resolver knows (from the ERP customer link) whose order it is.
 * Objects of the CRM need nothing of this: {@link AccessLogInstrumentation} sees them
 * wherever they appear.
 */
public final class EntityAccess {

    private static final String SEEN = EntityAccess.class.getName() + ".seen";

    private EntityAccess() {
    }

    /** Where this execution's accesses are kept, for {@link #delivered}. */
    static void track(GraphQLContext request, AccountsSeen seen) {
        request.put(SEEN, seen);
    }

    /**
     * Logs that the request's answer holds {@code kind} data of the account; nothing when
     * the request has no caller (then nothing is logged at all).
     */
    public static void delivered(GraphQLContext request, long accountId, AccessedData kind) {
        AccountsSeen seen = request.get(SEEN);
        if (seen != null) {
            seen.saw(accountId, kind);
        }
    }

}
