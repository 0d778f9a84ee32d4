package dev.erpgraph.erp.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of query parameter values, the same way for every connector (space as
 * %20, not '+').
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
