package dev.erpgraph.erp.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The one way a connector talks HTTP to its ERP. It resolves paths against the system's
 * base URL, applies the per-request timeout, keeps the ERP's session cookies (SAP binds
 * CSRF tokens to them), times every request as {@code erp.connector.requests} and turns
 * transport failures into {@link ErpException}s. It does not interpret status codes: each
 * connector reads its own ERP's error bodies via {@link ErpHttpResponse#failure}.
 */
public final class ErpHttpClient {

    private final String erpSystemId;

    private final Supplier<String> baseUrl;

    private final Duration timeout;

    private final MeterRegistry meters;

    private final HttpClient http;

    public ErpHttpClient(String erpSystemId, Supplier<String> baseUrl, Duration timeout, MeterRegistry meters) {
        this.erpSystemId = Objects.requireNonNull(erpSystemId, "erpSystemId");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.meters = Objects.requireNonNull(meters, "meters");
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
        Timer.Sample sample = Timer.start(meters);
        String outcome = "IO_ERROR";
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            outcome = outcome(response.statusCode());
            return new ErpHttpResponse(erpSystemId, response.statusCode(), response.headers(), response.body());
        }
        catch (HttpTimeoutException ex) {
            outcome = "TIMEOUT";
            throw new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    method + " " + resource + " timed out after " + timeout.toMillis() + " ms", ex);
        }
        catch (IOException ex) {
            throw new ErpException(ErpException.Kind.UNAVAILABLE, erpSystemId,
                    method + " " + resource + " failed: " + ex.getClass().getSimpleName(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ErpException(ErpException.Kind.TIMEOUT, erpSystemId, method + " " + resource + " interrupted",
                    ex);
        }
        finally {
            sample.stop(Timer.builder("erp.connector.requests")
                .description("HTTP requests sent by a connector to its ERP")
                .tag("erp", erpSystemId)
                .tag("resource", resource)
                .tag("outcome", outcome)
                .register(meters));
        }
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
