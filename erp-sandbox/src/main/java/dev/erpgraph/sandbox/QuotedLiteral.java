package dev.erpgraph.sandbox;

/**
 * A string literal as OData's {@code $filter} and SQL both write it: in single quotes, a
 * quote inside written twice. One reading for the OData parser and the SuiteQL parser, so
 * that both undouble quotes the same way.
 *
 * @param text the literal's value, quotes undoubled
 * @param end the index just after the closing quote
 */
public record QuotedLiteral(String text, int end) {

    /**
     * The literal whose opening quote is at {@code start} in {@code source}; null if the
     * source ends before its closing quote.
     */
    public static QuotedLiteral at(String source, int start) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'') {
                if (i + 1 < source.length() && source.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                return new QuotedLiteral(text.toString(), i + 1);
            }
            text.append(c);
            i++;
        }
        return null;
    }

}
