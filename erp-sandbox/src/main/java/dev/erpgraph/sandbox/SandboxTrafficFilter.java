package dev.erpgraph.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of every sandbox wire request ({@code /sandbox/{id}/...}, not {@code _admin}):
 * counts it, then injects the sandbox's faults the way a real ERP or its gateway would
 * show them: latency, 503 when down, 429 with {@code Retry-After}, 500 at the error rate,
 * unparsable bodies, and 500 after an order was committed (commit-then-fail: the answer a
 * client loses when the ERP committed and the connection did not survive).
 *
 * <p>
 * The latency is the time to answer, not a wait added in front of the sandbox's own work:
 * the answer is built into a buffer first and sent when the latency is up. A real ERP's
 * latency, as the gateway sees it, is its whole answer time; a wait on top of the
 * sandbox's JSON building would make a 100 ms ERP answer in 100 ms plus however busy this
 * machine happens to be, and the benchmark's floor would no longer be the ERP's.
 */
final class SandboxTrafficFilter extends OncePerRequestFilter {

    private final SandboxRegistry registry;

    SandboxTrafficFilter(SandboxRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        // "", "sandbox", "{id}", ...
        Sandbox sandbox = segments.length > 3 && !"_admin".equals(segments[3]) ? registry.find(segments[2]).orElse(null)
                : null;
        if (sandbox == null) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        sandbox.stats().started();
        try {
            serve(sandbox, request, response, chain);
        }
        finally {
            sandbox.stats().finished(started, request.getMethod() + " " + request.getRequestURI());
        }
    }

    private void serve(Sandbox sandbox, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SandboxFaults faults = sandbox.faults();
        long answerAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latency(faults));
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            answer(sandbox, faults, request, buffered, chain);
        }
        finally {
            pauseUntil(answerAt);
        }
        buffered.copyBodyToResponse();
    }

    private void answer(Sandbox sandbox, SandboxFaults faults, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (faults.down()) {
            sandbox.erp().writeError(response, 503, "Service unavailable");
            return;
        }
        if (sandbox.consumeRateLimit()) {
            response.setHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
            sandbox.erp().writeError(response, 429, "Too many requests");
            return;
        }
        if (faults.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < faults.errorRate()) {
            sandbox.erp().writeError(response, 500, "Internal server error");
            return;
        }
        if (faults.malformed()) {
            response.setStatus(200);
            response.setContentType("application/json");
            response.getOutputStream()
                .write("{\"value\":[{\"id\":<html>upstream reset".getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
        if (request.getAttribute(Sandbox.CREATED_ORDER_ATTRIBUTE) != null && sandbox.commitThenFail()) {
            // The order stays committed; only its answer is replaced.
            sandbox.stats().record("commit-then-fail");
            response.reset();
            sandbox.erp().writeError(response, 500, "Internal server error");
        }
    }

    private static long latency(SandboxFaults faults) {
        return faults.latencyMs() + (faults.latencyJitterMs() > 0
                ? ThreadLocalRandom.current().nextLong(faults.latencyJitterMs() + 1) : 0);
    }

    private static void pauseUntil(long answerAtNanos) {
        long nanos = answerAtNanos - System.nanoTime();
        if (nanos <= 0) {
            return;
        }
        try {
            // This sleep IS the simulated ERP: its latency is what the sandbox exists to
            // reproduce.
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
