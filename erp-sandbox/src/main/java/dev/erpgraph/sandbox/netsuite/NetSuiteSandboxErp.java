package dev.erpgraph.sandbox.netsuite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.NumberRange;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * NetSuite's numbering, error format and integration credentials for the sandbox.
 *
 * <p>
 * Numbering: customers are NetSuite internal ids, {@code 1001 + index}; orders carry a
 * document number ({@code tranid}) {@code SO + (10000 + sequence)} and an internal id
 * {@link #ORDER_ID_BASE} {@code + sequence}. Parsing is strict: {@code 01001},
 * {@code 1001 } or {@code SO10001x} are unknown.
 *
 * <p>
 * Auth: it verifies client assertions with the public key of the integration's
 * certificate ({@link #DEMO_PUBLIC_KEY} unless configured), as NetSuite does with the
 * certificate uploaded for an M2M integration; the demo holds the private key. It also
 * holds the account's concurrency limit (the pool shared by SOAP, REST and RESTlets,
 * {@code sandbox.netsuite.concurrency-limit}), which the demo repeats in its connector's
 * {@code concurrency-limit} option.
 */
@Component
@ConditionalOnSandboxMode
public class NetSuiteSandboxErp extends SandboxErp {

    static final String SYSTEM_ID = "netsuite";
    static final int CUSTOMER_ID_BASE = 1001;
    static final int ORDER_ID_BASE = 70_000;
    static final int ORDER_NUMBER_BASE = 10_000;
    static final String CLIENT_ID = "a1f6e3c29d5b4e0f8c7a6b5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f";
    static final String CERTIFICATE_ID = "Yt3kP9qLm2Rw8ZxVb1Nc4Hs7Jd0Gf5Ua6Ei";
    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

    private static final Pattern INTERNAL_ID = Pattern.compile("[1-9][0-9]{0,9}");

    private static final NumberRange ORDER_IDS = NumberRange.orders(ORDER_ID_BASE, INTERNAL_ID);

    private static final Pattern ORDER_NUMBER = Pattern.compile("SO([1-9][0-9]{4,9})");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The public key of the demo integration's certificate (EC P-256), as uploaded to
     * NetSuite: the demo configures the matching private key
     * ({@code erp.systems.netsuite.auth.client-secret}). A deployment of the sandbox that
     * wants its own pair sets {@code sandbox.netsuite.public-key}.
     */
    static final String DEMO_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETQ90EH2/KdlUI2MAWbXU3K8kAuDd
            ZX5oob6ybwAi6AsZ0xx/jnBUaq7GK4/R1gY2wfZkahjJJXMcpwHmsZ4IJQ==
            -----END PUBLIC KEY-----
            """;

    private final PublicKey publicKey;

    private final AtomicInteger concurrencyLimit;

    public NetSuiteSandboxErp(@Value("${sandbox.netsuite.concurrency-limit:15}") int concurrencyLimit,
            @Value("${sandbox.netsuite.public-key:}") String publicKey) {
        super(SandboxKind.NETSUITE, SYSTEM_ID, NumberRange.customers(CUSTOMER_ID_BASE, INTERNAL_ID),
                NumberRange.orders(ORDER_NUMBER_BASE, ORDER_NUMBER).writtenAs(number -> "SO" + number),
                "application/vnd.oracle.resource+json; type=error; charset=UTF-8");
        this.concurrencyLimit = new AtomicInteger(concurrencyLimit);
        this.publicKey = publicKey(publicKey.isBlank() ? DEMO_PUBLIC_KEY : publicKey);
    }

    private static PublicKey publicKey(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("sandbox.netsuite.public-key is not an EC public key (PEM)", ex);
        }
    }

    /** The internal id of order {@code sequence} ({@code transaction.id}). */
    public static long orderId(int sequence) {
        return ORDER_ID_BASE + (long) sequence;
    }

    /** The sequence of an internal order id; empty for anything else. */
    static OptionalInt orderSequenceOfId(String id) {
        return ORDER_IDS.position(id);
    }

    @Override
    protected String faultBody(int status, String message) {
        String code = switch (status) {
            case 401 -> "INVALID_LOGIN";
            case 429 -> "CONCURRENCY_LIMIT_EXCEEDED";
            case 404 -> "NONEXISTENT_ID";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 500 -> "UNEXPECTED_ERROR";
            default -> "INVALID_PARAMETER";
        };
        return JSON.writeValueAsString(errorBody(status, code, message));
    }

    /**
     * NetSuite's REST error body:
     * {@code {"type","title","status","o:errorDetails":[{"detail","o:errorCode"}]}}.
     */
    static Map<String, Object> errorBody(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", switch (status) {
            case 400 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1";
            case 401 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2";
            case 404 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5";
            case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
            case 503 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4";
            default -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1";
        });
        body.put("title", switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        });
        body.put("status", status);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("detail", detail);
        entry.put("o:errorCode", code);
        body.put("o:errorDetails", List.of(entry));
        return body;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    public int concurrencyLimit() {
        return concurrencyLimit.get();
    }

    /** Changes the account's concurrency limit (tests shrink it to see the 429). */
    public void concurrencyLimit(int limit) {
        concurrencyLimit.set(limit);
    }

    /**
     * Checks the client assertion as NetSuite does for an M2M integration mapped to our
     * certificate.
     */
    boolean verifies(String assertion, String audience) {
        if (assertion == null) {
            return false;
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(base64.decode(parts[0]));
            JsonNode claims = JSON.readTree(base64.decode(parts[1]));
            if (!"ES256".equals(NetSuiteSandbox.text(header.path("alg")))
                    || !CERTIFICATE_ID.equals(NetSuiteSandbox.text(header.path("kid")))) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(base64.decode(parts[2]))) {
                return false;
            }
            long now = Instant.now().getEpochSecond();
            long iat = claims.path("iat").asLong(-1);
            long exp = claims.path("exp").asLong(-1);
            JsonNode scope = claims.path("scope");
            boolean scoped = scope.isArray()
                    ? scope.valueStream().anyMatch(s -> "rest_webservices".equals(NetSuiteSandbox.text(s)))
                    : String.valueOf(NetSuiteSandbox.text(scope)).matches(".*\\brest_webservices\\b.*");
            return CLIENT_ID.equals(NetSuiteSandbox.text(claims.path("iss")))
                    && audience.equals(NetSuiteSandbox.text(claims.path("aud"))) && scoped && iat > 0 && iat <= now + 60
                    && exp > now && exp - iat <= 3600;
        }
        catch (GeneralSecurityException | JacksonException | IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * NetSuite's status letter for the data set's status. Partially shipped orders
     * alternate between D (Partially Fulfilled) and E (Pending Billing/Partially
     * Fulfilled), cancelled ones between C (Cancelled) and H (Closed), so that every
     * letter the connector maps occurs.
     */
    static Listed status(Order order) {
        String letter = letter(order.status(), order.sequence());
        return new Listed(letter, "Sales Order : " + switch (letter) {
            case "A" -> "Pending Approval";
            case "B" -> "Pending Fulfillment";
            case "C" -> "Cancelled";
            case "D" -> "Partially Fulfilled";
            case "E" -> "Pending Billing/Partially Fulfilled";
            case "F" -> "Pending Billing";
            case "G" -> "Billed";
            default -> "Closed";
        });
    }

    static String letter(OrderStatus status, int sequence) {
        return switch (status) {
            case ON_HOLD -> "A";
            case OPEN -> "B";
            case PARTIALLY_SHIPPED -> sequence % 2 == 0 ? "D" : "E";
            case SHIPPED -> "F";
            case INVOICED -> "G";
            case CANCELLED -> sequence % 3 == 0 ? "H" : "C";
        };
    }

}
