package dev.erpgraph.erp.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LengthBoundedChunksTests {

    @Test
    void eachChunkIsTheLongestRunThatFitsAsAddingOneTermAtATimeWouldCutIt() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> terms = new ArrayList<>();
            int count = random.nextInt(300);
            for (int i = 0; i < count; i++) {
                terms.add("x".repeat(1 + random.nextInt(40)));
            }
            int limit = 20 + random.nextInt(600);
            Predicate<List<String>> fits = chunk -> String.join(" or ", chunk).length() <= limit;

            assertThat(LengthBoundedChunks.split(terms, fits)).isEqualTo(oneTermAtATime(terms, fits));
        }
    }

    @Test
    void aTermTooLongAloneGetsAChunkOfItsOwn() {
        Predicate<List<String>> fits = chunk -> String.join(" or ", chunk).length() <= 5;

        assertThat(LengthBoundedChunks.split(List.of("ab", "toolong", "cd"), fits)).containsExactly(List.of("ab"),
                List.of("toolong"), List.of("cd"));
        assertThat(LengthBoundedChunks.split(List.<String>of(), fits)).isEmpty();
    }

    @Test
    void aChunkOfNTermsIsMeasuredAboutTwiceLogNTimes() {
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            terms.add(i);
        }
        AtomicInteger measured = new AtomicInteger();
        List<List<Integer>> chunks = LengthBoundedChunks.split(terms, chunk -> {
            measured.incrementAndGet();
            return chunk.size() <= 50;
        });

        assertThat(chunks).hasSize(20).allSatisfy(chunk -> assertThat(chunk).hasSize(50));
        // 50 terms: doubling measures 2, 4, ..., 64 (6 candidates, the last too many),
        // bisecting 5 more.
        assertThat(measured.get()).isLessThanOrEqualTo(20 * 12);
    }

    private static <T> List<List<T>> oneTermAtATime(List<T> terms, Predicate<List<T>> fits) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T term : terms) {
            current.add(term);
            if (current.size() > 1 && !fits.test(current)) {
                current.remove(current.size() - 1);
                chunks.add(current);
                current = new ArrayList<>(List.of(term));
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

}
