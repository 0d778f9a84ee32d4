package dev.erpgraph.erp.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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
 */
public final class ErpHttpClient {

    private final String erpSystemId;

    private final Supplier<String> baseUrl;

    private final Duration timeout;

    private final ObservationRegistry observations;

    private final QuotaWatch quota;

    private final HttpClient http;

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
        this.http = HttpClient.newBuilder()
            .connectTimeout(timeout)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Observation observation = Observation.createNotStarted("erp.connector.requests", observations)
            .contextualName("erp " + erpSystemId + " " + method + " " + resource)
            .lowCardinalityKeyValue("erp", erpSystemId)
            .lowCardinalityKeyValue("resource", resource)
            .lowCardinalityKeyValue("method", method)
            .highCardinalityKeyValue("erp.retry.attempt", String.valueOf(RetryAttempt.current()))
            .start();
        boolean counted = !"token".equals(resource);
        if (counted) {
            quota.started();
        }
        String outcome = "IO_ERROR";
        int status = 0;
        boolean retryAfter = false;
        try (Observation.Scope scope = observation.openScope()) {
            // Bytes, decoded here rather than by the client, so that the span tells the
            // size on the wire.
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            outcome = outcome(status);
            retryAfter = response.headers().firstValue("Retry-After").isPresent();
            byte[] bytes = response.body() == null ? new byte[0] : response.body();
            observation.highCardinalityKeyValue("http.response.status_code", String.valueOf(status))
                .highCardinalityKeyValue("http.response.body.size", String.valueOf(bytes.length));
            if (status == 429 || status >= 500) {
                observation.error(new ErpHttpStatusException(erpSystemId, method, resource, status));
            }
            return new ErpHttpResponse(erpSystemId, status, response.headers(),
                    new String(bytes, StandardCharsets.UTF_8));
        }
        catch (HttpTimeoutException ex) {
            outcome = "TIMEOUT";
            throw failed(observation, new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    method + " " + resource + " timed out after " + timeout.toMillis() + " ms", ex));
        }
        catch (IOException ex) {
            throw failed(observation, new ErpException(ErpException.Kind.UNAVAILABLE, erpSystemId,
                    method + " " + resource + " failed: " + ex.getClass().getSimpleName(), ex));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failed(observation, new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    method + " " + resource + " interrupted", ex));
        }
        finally {
            if (counted) {
                quota.finished(status, retryAfter);
            }
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
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
