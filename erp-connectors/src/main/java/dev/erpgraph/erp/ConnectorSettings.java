package dev.erpgraph.erp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * What a connector is built from: the system's id and kind, credentials, and its raw
 * options ({@code erp.systems.<id>.options.*}). The base URL lives in the
 * {@link ErpHttpClient} handed over beside it.
 *
 * <p>
 * Each ERP's factory reads the raw options into its typed {@code {Erp}Options} record
 * through the readers below, once, at start-up: a value that does not fit fails with an
 * {@link IllegalArgumentException} whose message starts with the property's full name
 * ({@code erp.systems.sap.options.maxUrlLength: must be a whole number between 1000 and
 * 64000, was 'abc'}). An option is found under the name documented or, as relaxed binding
 * (environment variables) spells it, ignoring case, {@code -} and {@code _}.
 */
public record ConnectorSettings(String systemId, ErpKind kind, String name, ErpAuthProperties auth, Duration timeout,
        int maxConcurrency, Map<String, String> options) {

    public ConnectorSettings {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeout, "timeout");
        options = options == null ? Map.of() : Map.copyOf(options);
        name = name == null ? systemId : name;
    }

    /** An option as configured, or its default (null allowed) when it is not set. */
    public String text(String key, String defaultValue) {
        String value = options.get(key);
        if (value != null) {
            return value;
        }
        String wanted = relaxed(key);
        return options.entrySet()
            .stream()
            .filter(entry -> relaxed(entry.getKey()).equals(wanted))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(defaultValue);
    }

    /** A whole-number option within {@code [min, max]}. */
    public int wholeNumber(String key, int defaultValue, int min, int max) {
        return (int) wholeNumber(key, (long) defaultValue, min, max);
    }

    /** A whole-number option within {@code [min, max]}. */
    public long wholeNumber(String key, long defaultValue, long min, long max) {
        String value = text(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw invalid(key, "must be a whole number between " + min + " and " + max, value);
    }

    /**
     * An option that goes into a URL or a query as a name (a column, an entity set, an
     * operation): it must match {@code pattern}, described to the reader as {@code what}.
     */
    public String name(String key, String defaultValue, Pattern pattern, String what) {
        String value = text(key, defaultValue);
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(key, "must be " + what, value);
        }
        return value;
    }

    /** A comma-separated option, trimmed, lowercased, blanks dropped. */
    public Set<String> lowercaseList(String key, String defaultValue) {
        return Arrays.stream(text(key, defaultValue).split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .map(item -> item.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The failure of an option that does not fit, named by its property:
     * {@code erp.systems.<id>.options.<key>: <problem>, was '<value>'}.
     */
    public IllegalArgumentException invalid(String key, String problem, String value) {
        return new IllegalArgumentException(
                "erp.systems." + systemId + ".options." + key + ": " + problem + ", was '" + value + "'");
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
