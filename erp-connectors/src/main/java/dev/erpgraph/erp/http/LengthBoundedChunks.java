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
 *
 * <p>
 * Then, where they fit, the same number of chunks is made even: runs whose sizes differ
 * by one term at most. The chunks are sent side by side and the slowest decides when the
 * read is done; cut greedily, a page's 189 SAP materials were one request answering 1.2
 * MB and one answering 13 KB, the first built, copied and parsed alone while the second
 * had long finished.
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
        return chunks.size() < 2 ? chunks : even(terms, chunks, fits);
    }

    /**
     * {@code terms} in as many runs as the greedy {@code chunks}, of even sizes, if each
     * fits.
     */
    private static <T> List<List<T>> even(List<T> terms, List<List<T>> chunks, Predicate<List<T>> fits) {
        List<List<T>> even = new ArrayList<>();
        int count = chunks.size();
        int start = 0;
        for (int i = 0; i < count; i++) {
            int size = terms.size() / count + (i < terms.size() % count ? 1 : 0);
            List<T> run = terms.subList(start, start + size);
            if (!fits.test(run)) {
                return chunks;
            }
            even.add(List.copyOf(run));
            start += size;
        }
        return even;
    }

}
