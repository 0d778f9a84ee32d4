package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData v2's JSON value formats as SAP Gateway writes them: {@code Edm.DateTime} as
 * {@code "/Date(ms)/"} (UTC midnight for a date), {@code Edm.DateTimeOffset} as
 * {@code "/Date(ms+0000)/"}, {@code Edm.Decimal} as a JSON string. The connector reads
 * them with this; the sandbox writes them with its own code, so a misreading fails a
 * contract test.
 */
final class SapODataValues {

    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SapODataValues() {
    }

    /** The calendar date of an {@code Edm.DateTime}; SAP sends dates as UTC midnight. */
    static LocalDate parseDate(String wire) {
        Matcher matcher = DATE.matcher(wire == null ? "" : wire.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an OData v2 date: '" + wire + "'");
        }
        // The offset of an Edm.DateTimeOffset is informational: the milliseconds are
        // already UTC.
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String formatDate(LocalDate date) {
        return "/Date(" + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ")/";
    }

    static String formatDateTimeOffset(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /**
     * An {@code Edm.Decimal}: a string on the wire; a bare JSON number is tolerated,
     * never read as double.
     */
    static BigDecimal parseDecimal(String wire) {
        if (wire == null || wire.isBlank()) {
            throw new IllegalArgumentException("empty decimal");
        }
        return new BigDecimal(wire.trim());
    }

    /**
     * A filter literal for an {@code Edm.DateTime} property:
     * {@code datetime'2026-06-01T00:00:00'}.
     */
    static String dateTimeLiteral(LocalDate date) {
        return "datetime'" + LITERAL.format(date.atStartOfDay()) + "'";
    }

}
