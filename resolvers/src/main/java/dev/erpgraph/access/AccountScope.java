package dev.erpgraph.access;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which accounts a read may touch: all of them, or one partner's. Every query of the CRM
 * store that reads accounts, or what hangs off them, takes one, so that a partner's page
 * of 20 is 20 of its own accounts and its totals count only them.
 *
 * @param partnerId the partner whose accounts alone may be read; null for all
 */
public record AccountScope(String partnerId) {

    /** Every account: internal principals. */
    public static final AccountScope ALL = new AccountScope(null);

    public static AccountScope ofPartner(String partnerId) {
        if (partnerId == null) {
            throw new IllegalArgumentException("a partner scope needs a partner id");
        }
        return new AccountScope(partnerId);
    }

    public boolean isAll() {
        return partnerId == null;
    }

    /**
     * The SQL condition (starting with {@code and}) that keeps a statement on the
     * {@code accounts} table, aliased {@code alias}, to these accounts; empty for all
     * accounts. Its parameter is added to {@code params}.
     */
    public String onAccounts(String alias, MapSqlParameterSource params) {
        if (isAll()) {
            return "";
        }
        params.addValue("scopePartnerId", partnerId);
        return " and " + alias + ".partner_id = :scopePartnerId";
    }

    /**
     * The SQL condition (starting with {@code and}) that keeps a statement to these
     * accounts, {@code accountId} being the statement's account id column; empty for all
     * accounts. Its parameter is added to {@code params}.
     */
    public String onAccountOf(String accountId, MapSqlParameterSource params) {
        if (isAll()) {
            return "";
        }
        params.addValue("scopePartnerId", partnerId);
        return " and exists (select 1 from accounts sa where sa.id = " + accountId
                + " and sa.partner_id = :scopePartnerId)";
    }

}
