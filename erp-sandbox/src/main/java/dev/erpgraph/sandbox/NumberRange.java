package dev.erpgraph.sandbox;

import java.util.OptionalInt;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an ERP numbers the data set's customers or orders: position {@code p} is number
 * {@code first + step * p}, written as the ERP writes it. Every sandbox reads a number
 * back the same way: it must have the ERP's exact spelling (a pattern whose first group,
 * if it has one, holds the digits), lie on the range and name a position within the
 * range's bounds. Anything else, hostile input included, is a number the ERP would not
 * know.
 *
 * @param first the number of position 0
 * @param step the distance between two numbers
 * @param spelling the exact spelling of a number; its first group, if any, holds the
 * digits
 * @param lowest the first position the range holds
 * @param highest the last position the range holds
 * @param writing how a number is written, from its value
 */
public record NumberRange(long first, long step, Pattern spelling, long lowest, long highest,
        LongFunction<String> writing) {

    /**
     * Customer numbers: the data set's customer indexes 0 to
     * {@link DistributorDataSet#CUSTOMERS} - 1, consecutive from {@code first}.
     */
    public static NumberRange customers(long first, Pattern spelling) {
        return new NumberRange(first, 1, spelling, 0, DistributorDataSet.CUSTOMERS - 1, String::valueOf);
    }

    /** Order numbers: sequences from 1, consecutive from {@code first}. */
    public static NumberRange orders(long first, Pattern spelling) {
        return new NumberRange(first, 1, spelling, 1, Integer.MAX_VALUE, String::valueOf);
    }

    /** This range with {@code step} between two numbers. */
    public NumberRange steppingBy(long step) {
        return new NumberRange(first, step, spelling, lowest, highest, writing);
    }

    /** This range ending at position {@code highest}. */
    public NumberRange upTo(long highest) {
        return new NumberRange(first, step, spelling, lowest, highest, writing);
    }

    /** This range with numbers written by {@code writing} rather than as plain digits. */
    public NumberRange writtenAs(LongFunction<String> writing) {
        return new NumberRange(first, step, spelling, lowest, highest, writing);
    }

    /** The number of {@code position}, as the ERP writes it. */
    public String number(int position) {
        return writing.apply(first + step * position);
    }

    /** The position {@code text} names; empty for anything not a number of this range. */
    public OptionalInt position(String text) {
        Matcher matcher = text == null ? null : spelling.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return OptionalInt.empty();
        }
        long offset = Long.parseLong(matcher.groupCount() > 0 ? matcher.group(1) : text) - first;
        if (offset < 0 || offset % step != 0) {
            return OptionalInt.empty();
        }
        long position = offset / step;
        return position >= lowest && position <= highest ? OptionalInt.of((int) position) : OptionalInt.empty();
    }

}
