package dev.erpgraph.erp.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

/**
 * Reads SuiteQL rows into the normalized model. SuiteQL answers every value as a string
 * under a lowercase key and leaves null columns out; decimals are read exactly
 * (BigDecimal); dates must arrive pinned to ISO by {@code TO_CHAR(col, 'YYYY-MM-DD')}
 * (the account's own format, e.g. {@code 6/13/2024}, is refused rather than guessed);
 * sales lines are stored negative and are normalized to positive here.
 */
final class SuiteQlRows {

    private final String systemId;

    SuiteQlRows(String systemId) {
        this.systemId = systemId;
    }

    String systemId() {
        return systemId;
    }

    /**
     * An order header row
     * ({@code id, tranid, entity, trandate, shipdate, status, foreigntotal, currency}).
     */
    SalesOrder order(JsonNode row, List<SalesOrderLine> lines) {
        String letter = required(row, "status");
        OrderStatus status = NetSuiteOrderStatus.of(letter)
            .orElseThrow(() -> ErpException.badResponse(systemId, "unknown sales order status '" + letter + "'", null));
        String currency = required(row, "currency");
        return new SalesOrder(required(row, "id"), required(row, "tranid"), required(row, "entity"), status,
                date(row, "trandate"), optionalDate(row, "shipdate"),
                new Money(amount(decimal(row, "foreigntotal")), currency), lines);
    }

    /**
     * A line row
     * ({@code linesequencenumber, itemid, description, quantity, quantityshiprecv, rate, netamount, location}).
     */
    SalesOrderLine line(JsonNode row, String currency) {
        BigDecimal shipped = optionalDecimal(row, "quantityshiprecv");
        return new SalesOrderLine(Integer.parseInt(required(row, "linesequencenumber")), required(row, "itemid"),
                text(row, "description"), decimal(row, "quantity").abs(), shipped == null ? null : shipped.abs(),
                new Money(amount(decimal(row, "rate").abs()), currency),
                new Money(amount(decimal(row, "netamount").abs()), currency), text(row, "location"));
    }

    /**
     * A stock row: on hand as NetSuite counts it, available = NetSuite's
     * {@code quantityavailable} (on hand less committed).
     */
    StockLevel stock(JsonNode row) {
        BigDecimal onHand = optionalDecimal(row, "quantityonhand");
        BigDecimal available = optionalDecimal(row, "quantityavailable");
        return new StockLevel(required(row, "itemid"), required(row, "location"),
                onHand == null ? BigDecimal.ZERO : onHand, available == null ? BigDecimal.ZERO : available);
    }

    /**
     * A customer row: limit {@code creditlimit}, balance {@code balancesearch} (plain
     * {@code balance} is not queryable in SuiteQL), hold = NetSuite's
     * {@code oncredithold} {@code 'T'}, terms by name ({@code BUILTIN.DF(terms)}).
     * Available = limit - balance (negative when over the limit). No limit set reads as
     * zero.
     */
    CreditStatus credit(JsonNode row) {
        String currency = required(row, "currency");
        BigDecimal limit = optionalDecimal(row, "creditlimit");
        BigDecimal balance = optionalDecimal(row, "balancesearch");
        Money creditLimit = new Money(amount(limit == null ? BigDecimal.ZERO : limit), currency);
        Money owed = new Money(amount(balance == null ? BigDecimal.ZERO : balance), currency);
        return new CreditStatus(creditLimit, owed, creditLimit.minus(owed), "T".equals(text(row, "oncredithold")),
                text(row, "terms"));
    }

    String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    String required(JsonNode row, String field) {
        String value = text(row, field);
        if (value == null || value.isBlank()) {
            throw ErpException.badResponse(systemId, "SuiteQL row without " + field, null);
        }
        return value;
    }

    BigDecimal decimal(JsonNode row, String field) {
        return present(optionalDecimal(row, field), field);
    }

    BigDecimal optionalDecimal(JsonNode row, String field) {
        String value = text(row, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        }
        catch (NumberFormatException ex) {
            throw ErpException.badResponse(systemId, "unreadable number in " + field, ex);
        }
    }

    LocalDate date(JsonNode row, String field) {
        return present(optionalDate(row, field), field);
    }

    /** {@code value} of a field the statement selected; a row without it is malformed. */
    private <T> T present(T value, String field) {
        if (value == null) {
            throw ErpException.badResponse(systemId, "SuiteQL row without " + field, null);
        }
        return value;
    }

    LocalDate optionalDate(JsonNode row, String field) {
        String value = text(row, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw ErpException.badResponse(systemId, field + " is not an ISO date ('" + value
                    + "'): the statement must pin it with TO_CHAR(..., 'YYYY-MM-DD')", ex);
        }
    }

    /**
     * Money amounts carry at least cents; SuiteQL drops trailing zeros ({@code "1520"}).
     */
    static BigDecimal amount(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }

}
