package dev.erpgraph.erp.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts the terms of an {@code or}-chain into the fewest consecutive chunks whose request
 * still fits an ERP's length limit (a URL, a query string). Each chunk is the longest run
 * of what is left that {@code fits}; a term that does not fit even alone gets a chunk of
 * its own, and the ERP refuses it, which is the honest outcome.
 *
 * <p>
 * The run is found by doubling and then bisecting, so a chunk of n terms costs about
 * 2·log2(n) candidate requests to build and measure, not n: adding one term at a time and
 * re-encoding the whole growing filter each time was quadratic, and showed up in the
 * gateway's CPU profile for a 51-account page. {@code fits} must be monotonic: if some
 * terms do not fit, more terms do not fit either (true of any filter that joins them).
 */
public final class LengthBoundedChunks {

    private LengthBoundedChunks() {
    }

    public static <T> List<List<T>> split(List<T> terms, Predicate<List<T>> fits) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        while (start < terms.size()) {
            int left = terms.size() - start;
            int fitting = 1;
            int tooMany = left + 1;
            for (int step = 1; fitting < left; step *= 2) {
                int candidate = Math.min(fitting + step, left);
                if (!fits.test(terms.subList(start, start + candidate))) {
                    tooMany = candidate;
                    break;
                }
                fitting = candidate;
            }
            while (tooMany - fitting > 1) {
                int middle = (fitting + tooMany) >>> 1;
                if (fits.test(terms.subList(start, start + middle))) {
                    fitting = middle;
                }
                else {
                    tooMany = middle;
                }
            }
            chunks.add(List.copyOf(terms.subList(start, start + fitting)));
            start += fitting;
        }
        return chunks;
    }

}
