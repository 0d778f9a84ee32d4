package dev.erpgraph.erp.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpQuota;
import dev.erpgraph.erp.quota.QuotaWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The one way a connector talks HTTP to its ERP. It resolves paths against the system's
 * base URL, applies the per-request timeout, keeps the ERP's session cookies (SAP binds
 * CSRF tokens to them), observes every request as {@code erp.connector.requests} (a timer
 * and a span: system, resource, method, status, bytes, retry attempt; a failed request,
 * 429 or 5xx is a span in error), counts it against the system's {@link QuotaWatch} and
 * turns transport failures into {@link ErpException}s. It does not interpret status
 * codes: each connector reads its own ERP's error bodies via
 * {@link ErpHttpResponse#failure}.
 * <p>
 * It sends on the caller's thread with the JDK's blocking {@link HttpURLConnection}, not
 * the JDK's {@code HttpClient}, which hands every request and answer between its own
 * executor and selector threads: on two busy cores those hand-offs cost the three-ERP
 * page of {@code ReadPlanPages} about 4 ms of its two round trips (236 to 244 ms against
 * 240 to 244 ms, median 238.5 against 243, six interleaved pairs, JIT settled,
 * 2026-12-06). What that client gave is kept: a whole-request timeout, and requests that
 * an interrupt ends ({@link RequestWatch} until the answer's headers are in, the body's
 * reads after that).
 */
public final class ErpHttpClient {

    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final String erpSystemId;

    private final Supplier<String> baseUrl;

    private final Duration timeout;

    private final ObservationRegistry observations;

    private final QuotaWatch quota;

    private final CookieManager cookies;

    /**
     * A client whose requests are timed in {@code meters} and counted against no quota
     * (tests, tools).
     */
    public ErpHttpClient(String erpSystemId, Supplier<String> baseUrl, Duration timeout, MeterRegistry meters) {
        this(erpSystemId, baseUrl, timeout, ErpObservations.measuredBy(meters),
                new QuotaWatch(erpSystemId, ErpQuota.UNPUBLISHED, QuotaWatch.DEFAULT_DEGRADED_AT, Clock.systemUTC()));
    }

    public ErpHttpClient(String erpSystemId, Supplier<String> baseUrl, Duration timeout,
            ObservationRegistry observations, QuotaWatch quota) {
        this.erpSystemId = Objects.requireNonNull(erpSystemId, "erpSystemId");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.cookies = new CookieManager();
    }

    public String erpSystemId() {
        return erpSystemId;
    }

    /**
     * The base URL without a trailing slash, e.g.
     * {@code http://127.0.0.1:8080/sandbox/sap}.
     */
    public String baseUrl() {
        String url = baseUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public ErpHttpResponse get(String resource, String pathAndQuery, Map<String, String> headers) {
        return send(resource, "GET", pathAndQuery, headers, null);
    }

    public ErpHttpResponse post(String resource, String pathAndQuery, Map<String, String> headers, String body) {
        return send(resource, "POST", pathAndQuery, headers, body);
    }

    /**
     * Sends one request. {@code resource} names what is read ({@code orders},
     * {@code inventory}, {@code prices}, {@code credit}, {@code token}, ...) for the
     * metrics; {@code pathAndQuery} is relative to the base URL (or an absolute URL, for
     * next links an ERP hands back) and must already be encoded.
     */
    public ErpHttpResponse send(String resource, String method, String pathAndQuery, Map<String, String> headers,
            String body) {
        URI uri = resolve(pathAndQuery);
        Observation observation = Observation.createNotStarted("erp.connector.requests", observations)
            .contextualName("erp " + erpSystemId + " " + method + " " + resource)
            .lowCardinalityKeyValue("erp", erpSystemId)
            .lowCardinalityKeyValue("resource", resource)
            .lowCardinalityKeyValue("method", method)
            .highCardinalityKeyValue("erp.retry.attempt", String.valueOf(RetryAttempt.current()))
            .start();
        boolean token = "token".equals(resource);
        if (!token) {
            quota.started();
        }
        String outcome = "IO_ERROR";
        int status = 0;
        boolean retryAfter = false;
        RequestWatch watch = null;
        try (Observation.Scope scope = observation.openScope()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted before sending");
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            HttpURLConnection connection = open(uri, method, headers);
            watch = RequestWatch.start(connection, deadline);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                if (!token) {
                    // Streamed: HttpURLConnection sends a buffered body again
                    // when the connection fails before the answer, and the
                    // transport must never post an order twice. A token request
                    // may be sent twice (the ERP issues another token) and stays
                    // buffered: in streaming mode a 401 loses its body, the ERP's
                    // reason for refusing the credentials.
                    connection.setFixedLengthStreamingMode(bytes.length);
                }
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            status = connection.getResponseCode();
            watch.done();
            outcome = outcome(status);
            byte[] bytes = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream(), deadline);
            HttpHeaders answered = headers(connection, uri);
            retryAfter = answered.firstValue("Retry-After").isPresent();
            observation.highCardinalityKeyValue("http.response.status_code", String.valueOf(status))
                .highCardinalityKeyValue("http.response.body.size", String.valueOf(bytes.length));
            if (status == 429 || status >= 500) {
                observation.error(new ErpHttpStatusException(erpSystemId, method, resource, status));
            }
            return new ErpHttpResponse(erpSystemId, status, answered, new String(bytes, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            RequestWatch.Ending ending = (watch != null) ? watch.ending() : null;
            if (ending == RequestWatch.Ending.TIMED_OUT || ex instanceof SocketTimeoutException) {
                outcome = "TIMEOUT";
                throw failed(observation, new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                        method + " " + resource + " timed out after " + timeout.toMillis() + " ms", ex));
            }
            if (ending == RequestWatch.Ending.INTERRUPTED || ex instanceof InterruptedIOException) {
                Thread.currentThread().interrupt();
                throw failed(observation, new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                        method + " " + resource + " interrupted", ex));
            }
            throw failed(observation, new ErpException(ErpException.Kind.UNAVAILABLE, erpSystemId,
                    method + " " + resource + " failed: " + ex.getClass().getSimpleName(), ex));
        }
        finally {
            if (watch != null) {
                watch.done();
            }
            if (!token) {
                quota.finished(status, retryAfter);
            }
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
        }
    }

    /**
     * A connection for one request: no proxy and no redirects (as the ERP's base URL
     * says), the ERP's session cookies, and an {@code Accept} of anything unless the
     * connector names one (HttpURLConnection would otherwise send its own, which asks for
     * images).
     */
    private HttpURLConnection open(URI uri, String method, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "*/*");
        headers.forEach(connection::setRequestProperty);
        cookies.get(uri, Map.of()).forEach((name, values) -> {
            if (!values.isEmpty()) {
                connection.setRequestProperty(name, String.join("; ", values));
            }
        });
        return connection;
    }

    /** The answer's headers; its cookies are kept for the next request. */
    private HttpHeaders headers(HttpURLConnection connection, URI uri) throws IOException {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            // The status line comes under a null name.
            if (name != null) {
                fields.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
            }
        });
        cookies.put(uri, fields);
        return HttpHeaders.of(fields, (name, value) -> true);
    }

    /**
     * All of a body, then closed, so that its connection can be kept alive. The watch has
     * ended by now (a disconnect waits for a body read in progress, so it cannot end
     * one): the reads keep the deadline and the interrupt themselves, between reads, and
     * the read timeout bounds each read.
     */
    private static byte[] read(InputStream body, long deadlineNanos) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
                if (System.nanoTime() - deadlineNanos >= 0) {
                    throw new SocketTimeoutException("the answer was not complete at the deadline");
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while reading the answer");
                }
            }
            return bytes.toByteArray();
        }
    }

    private static ErpException failed(Observation observation, ErpException failure) {
        observation.error(failure);
        return failure;
    }

    private URI resolve(String pathAndQuery) {
        if (pathAndQuery.startsWith("http://") || pathAndQuery.startsWith("https://")) {
            return URI.create(pathAndQuery);
        }
        return URI.create(baseUrl() + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

}
