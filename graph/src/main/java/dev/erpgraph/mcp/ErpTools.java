package dev.erpgraph.mcp;

import java.util.List;

import io.modelcontextprotocol.json.McpJsonMapper;

/**
 * The tools an AI agent gets: each one fixed GraphQL document, described for an agent
 * (what it answers, what ids look like, its limits). Account ids are this API's global
 * ids, as {@code find_accounts} answers them; the ERP system ids are {@code sap},
 * {@code netsuite}, {@code business-central}, {@code p21} and {@code sxe} in the demo.
 */
final class ErpTools {

    /**
     * What every answer says about ERP values and errors, appended to each description.
     */
    private static final String ANSWERS = " Answers compact JSON. Every ERP value carries `freshness`: its ERP"
            + " system, when it was fetched, its `ageSeconds`, and `stale: true` when the ERP could not be reached"
            + " and this is the last value it gave. A part that could not be read is null and listed under `errors`"
            + " with a code (ERP_UNAVAILABLE, ERP_TIMEOUT, FORBIDDEN...); the rest of the answer stands.";

    /** The JSON schema of an account id argument. */
    private static final String ACCOUNT_ID = """
            {
              "type": "string", "minLength": 1, "maxLength": 200,
              "description": "The account's id, as find_accounts answers it (e.g. `QWNjb3VudDox`)."
            }""";

    private ErpTools() {
    }

    static List<GraphQlTool> all(McpJsonMapper json) {
        return List.of(findAccounts(json), account360(json), stock(json), price(json));
    }

    private static GraphQlTool findAccounts(McpJsonMapper json) {
        return GraphQlTool.of(json, "find_accounts", "Find customer accounts",
                "Finds the CRM customer accounts whose name contains a text (case-insensitive), oldest first, with"
                        + " their ERP customer numbers. Use it first to get an account's `id` (an opaque string"
                        + " such as `QWNjb3VudDox`) for account_360 and price. `totalCount` says how many match"
                        + " in all; only the first `first` are listed. No match is an empty list, not an error."
                        + ANSWERS,
                """
                        {
                          "type": "object",
                          "properties": {
                            "name": {
                              "type": "string", "minLength": 1, "maxLength": 200,
                              "description": "Part of the account's name, e.g. `Acme`."
                            },
                            "first": {
                              "type": "integer", "minimum": 1, "maximum": 50,
                              "description": "How many accounts to list (1 to 50; default 20)."
                            }
                          },
                          "required": ["name"],
                          "additionalProperties": false
                        }
                        """, "mcpFindAccounts", "accounts");
    }

    private static GraphQlTool account360(McpJsonMapper json) {
        return GraphQlTool.of(json, "account_360", "Account 360",
                "Everything about one customer account at once: its CRM record, its credit position in its ERP"
                        + " (limit, balance, available, on hold), its 10 most recent sales orders from every ERP"
                        + " it is linked to, and its open opportunities (not yet won or lost). ERP data is read"
                        + " live (or from a cache of a few seconds to minutes). Fails with NOT_FOUND for an id that"
                        + " names no account you may see." + ANSWERS,
                """
                        {
                          "type": "object",
                          "properties": {
                            "accountId": %s
                          },
                          "required": ["accountId"],
                          "additionalProperties": false
                        }
                        """.formatted(ACCOUNT_ID), "mcpAccount360", "account");
    }

    private static GraphQlTool stock(McpJsonMapper json) {
        return GraphQlTool.of(json, "stock", "Stock levels",
                "Live stock of items: on hand and available per warehouse, in every ERP system that stocks them,"
                        + " or in one warehouse only. An item no ERP knows has no entries. Fails with"
                        + " BAD_USER_INPUT for an empty list or more than 100 SKUs." + ANSWERS,
                """
                        {
                          "type": "object",
                          "properties": {
                            "skus": {
                              "type": "array", "minItems": 1, "maxItems": 100,
                              "items": { "type": "string", "minLength": 1, "maxLength": 100 },
                              "description": "Item numbers (SKUs), e.g. [\\"PVC-10000\\"]."
                            },
                            "warehouse": {
                              "type": "string", "minLength": 1, "maxLength": 50,
                              "description": "Only this warehouse's stock, by its code, e.g. `CLE`; all if omitted."
                            }
                          },
                          "required": ["skus"],
                          "additionalProperties": false
                        }
                        """, "mcpStock", "inventory");
    }

    private static GraphQlTool price(McpJsonMapper json) {
        return GraphQlTool.of(json, "price", "Customer price",
                "The price one customer account pays for an item at a quantity, from the account's ERP: unit"
                        + " price, list price and quantity breaks. Fails with NOT_FOUND for an id that names no"
                        + " account you may see, and with the ERP's code when its ERP cannot price the item." + ANSWERS,
                """
                        {
                          "type": "object",
                          "properties": {
                            "accountId": %s,
                            "sku": {
                              "type": "string", "minLength": 1, "maxLength": 100,
                              "description": "The item number (SKU), e.g. `PVC-10000`."
                            },
                            "quantity": {
                              "type": "number", "exclusiveMinimum": 0,
                              "description": "How many; the price may break by quantity. 1 if omitted."
                            }
                          },
                          "required": ["accountId", "sku"],
                          "additionalProperties": false
                        }
                        """.formatted(ACCOUNT_ID), "mcpPrice", "account.price");
    }

}
