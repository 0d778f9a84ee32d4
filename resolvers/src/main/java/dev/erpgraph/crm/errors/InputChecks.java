package dev.erpgraph.crm.errors;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The field checks shared by the CRM mutations. Each one throws
 * {@link InvalidInputException} naming the input field, before anything is written.
 */
public final class InputChecks {

    /**
     * Deliberately simple: one {@code @}, no blanks, a dot in the domain. Deliverability
     * is not our call.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private InputChecks() {
    }

    /**
     * A required text: present, not blank, at most {@code max} characters. Answers it
     * trimmed.
     */
    public static String requiredText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank.");
        }
        return optionalText(value, field, max);
    }

    /**
     * An optional text: null stays null, otherwise at most {@code max} characters.
     * Answers it trimmed.
     */
    public static String optionalText(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters.");
        }
        return trimmed;
    }

    /** An absolute http or https URL with a host. */
    public static String website(String value, String field) {
        String text = optionalText(value, field, 500);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return text;
            }
        }
        catch (URISyntaxException ex) {
            // the client error below
        }
        throw new InvalidInputException(field, field + " must be an http or https URL.");
    }

    public static String email(String value, String field) {
        String text = optionalText(value, field, 320);
        if (text != null && !EMAIL.matcher(text).matches()) {
            throw new InvalidInputException(field, field + " must be an email address.");
        }
        return text;
    }

    public static Integer percent(Integer value, String field) {
        if (value != null && (value < 0 || value > 100)) {
            throw new InvalidInputException(field, field + " must be between 0 and 100.");
        }
        return value;
    }

    public static BigDecimal notNegative(BigDecimal value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required.");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field, field + " must not be negative.");
        }
        return value;
    }

    public static BigDecimal positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidInputException(field, field + " must be greater than zero.");
        }
        return value;
    }

    /** An ISO 4217 code the JDK knows, in upper case as given. */
    public static String currency(String value, String field) {
        if (value != null && value.matches("[A-Z]{3}")) {
            try {
                Currency.getInstance(value);
                return value;
            }
            catch (IllegalArgumentException ex) {
                // the client error below
            }
        }
        throw new InvalidInputException(field, field + " must be an ISO 4217 currency code, e.g. USD.");
    }

}
