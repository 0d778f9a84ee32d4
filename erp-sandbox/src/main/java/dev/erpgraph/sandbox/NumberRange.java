package dev.erpgraph.sandbox;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an ERP numbers the data set's customers or orders: position {@code p} is number
 * {@code first + step * p}. Every sandbox reads a number back the same way: it must have
 * the ERP's exact spelling ({@code pattern}; its first group, if it has one, holds the
 * digits), lie on the range and name a position the data set can hold. Anything else,
 * hostile input included, is a number the ERP would not know.
 *
 * @param first the number of position 0
 * @param step the distance between two numbers
 */
public record NumberRange(long first, long step) {

    /** Consecutive numbers from {@code first}. */
    public static NumberRange from(long first) {
        return new NumberRange(first, 1);
    }

    /** The number of position {@code position}, in decimal. */
    public String number(int position) {
        return String.valueOf(first + step * position);
    }

    /** The data set index of a customer number of this range. */
    public OptionalInt customerIndex(String text, Pattern pattern) {
        return position(text, pattern, 0, DistributorDataSet.CUSTOMERS - 1);
    }

    /** The sequence (from 1) of an order number of this range. */
    public OptionalInt orderSequence(String text, Pattern pattern) {
        return position(text, pattern, 1, Integer.MAX_VALUE);
    }

    /**
     * The position {@code text} names, if it is spelled as {@code pattern} says and the
     * position lies within {@code [min, max]}.
     */
    public OptionalInt position(String text, Pattern pattern, long min, long max) {
        Matcher matcher = text == null ? null : pattern.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return OptionalInt.empty();
        }
        long offset = Long.parseLong(matcher.groupCount() > 0 ? matcher.group(1) : text) - first;
        if (offset < 0 || offset % step != 0) {
            return OptionalInt.empty();
        }
        long position = offset / step;
        return position >= min && position <= max ? OptionalInt.of((int) position) : OptionalInt.empty();
    }

}
