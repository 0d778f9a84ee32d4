package dev.erpgraph.sandbox;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Makes a sandbox send what its real ERP would send when its data changes: a Business
 * Central webhook notification (with the subscription's clientState), an SAP business
 * event (CloudEvent, Basic auth as the Event Mesh webhook would), or the signed JSON
 * event a NetSuite, SX.e or P21 deployment's script posts ({@code X-ERP-Signature:
 * sha256=<hex HMAC-SHA256 of the body>}). The signing is written here, not borrowed from
 * the application that checks it. It is posted over real HTTP to
 * {@code <sandbox.events.application-url>/erp-events/<id>} (by default this server's own
 * port: the embedded demo) with {@code sandbox.events.secret}, and synchronously, so that
 * when the admin call returns the eviction is done. Where no events endpoint listens (a
 * sandbox alone, the connector tests' server), it logs and the change still stands.
 */
@Component
@ConditionalOnSandboxMode
final class SandboxChangeNotifier implements SandboxChangeListener {

    static final String SIGNATURE_HEADER = "X-ERP-Signature";

    private static final Logger logger = LoggerFactory.getLogger(SandboxChangeNotifier.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;

    private final SandboxProperties.Events events;

    private final Clock clock;

    private final RestClient http;

    SandboxChangeNotifier(Environment environment, SandboxProperties properties) {
        this.environment = environment;
        this.events = properties.events();
        this.clock = Clock.systemUTC();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public void changed(Sandbox sandbox, SandboxChange change) {
        String application = applicationUrl();
        if (application == null) {
            logger.warn("no server port: the change event of sandbox {} is not sent", sandbox.id());
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = switch (sandbox.erp().kind()) {
            case BUSINESS_CENTRAL -> json(businessCentralNotification(sandbox, change));
            case SAP_S4HANA -> {
                headers.put("Authorization", basic("event-mesh", events.secret()));
                yield json(sapBusinessEvent(sandbox, change));
            }
            case NETSUITE, INFOR_SXE, EPICOR_P21 -> {
                byte[] signed = json(signedChange(sandbox, change));
                headers.put(SIGNATURE_HEADER, signature(signed, events.secret()));
                yield signed;
            }
        };
        try {
            http.post()
                .uri(application + "/erp-events/" + sandbox.id())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .body(body)
                .retrieve()
                .toBodilessEntity();
        }
        catch (RestClientException ex) {
            logger.warn("the change event of sandbox {} was not accepted: {}", sandbox.id(), ex.getMessage());
        }
    }

    /**
     * The configured application, or this server (embedded); null before it listens. Read
     * at each change, so that an application started after the sandboxes can be named
     * then.
     */
    private String applicationUrl() {
        String configured = environment.getProperty("sandbox.events.application-url", events.applicationUrl());
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? null : "http://127.0.0.1:" + port;
    }

    /**
     * {@code sha256=} and the lowercase hex HMAC-SHA256 of the body, keyed with the
     * secret.
     */
    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    /** SAP Event Mesh's webhook authentication: Basic, the secret as the password. */
    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** BC names records by GUID: a stable one per record, as BC's own ids are. */
    private Map<String, Object> businessCentralNotification(Sandbox sandbox, SandboxChange change) {
        String entity = switch (change.type()) {
            case "order" -> "salesOrders(" + guid(sandbox, "order", change.orderNumber()) + ")";
            case "credit" -> "customers(" + guid(sandbox, "customer", change.customerNumber()) + ")";
            default -> "items(" + guid(sandbox, "item", change.sku()) + ")";
        };
        Instant now = clock.instant();
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("subscriptionId", guid(sandbox, "subscription", change.type()).toString());
        notification.put("clientState", events.secret());
        notification.put("expirationDateTime", now.plus(Duration.ofDays(3)).toString());
        notification.put("resource", "api/v2.0/companies(" + guid(sandbox, "company", sandbox.id()) + ")/" + entity);
        notification.put("changeType", "updated");
        notification.put("lastModifiedDateTime", now.toString());
        return Map.of("value", List.of(notification));
    }

    private Map<String, Object> sapBusinessEvent(Sandbox sandbox, SandboxChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type = switch (change.type()) {
            case "order" -> {
                data.put("SalesOrder", change.orderNumber());
                data.put("SoldToParty", customerOfOrder(sandbox, change.orderNumber()));
                yield "sap.s4.beh.salesorder.v1.SalesOrder.Changed.v1";
            }
            case "credit" -> {
                data.put("BusinessPartner", change.customerNumber());
                yield "sap.s4.beh.creditmanagementaccount.v1.CreditManagementAccount.Changed.v1";
            }
            case "inventory" -> {
                data.put("Material", change.sku());
                data.put("Plant", change.warehouse());
                yield "sap.s4.beh.materialstock.v1.MaterialStock.Changed.v1";
            }
            default -> {
                data.put("Material", change.sku());
                yield "sap.s4.beh.salespricingcondition.v1.SalesPricingCondition.Changed.v1";
            }
        };
        data.put("EventRaisedDateTime", clock.instant().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/default/sap.s4.beh/" + sandbox.id());
        event.put("type", type);
        event.put("datacontenttype", "application/json");
        event.put("time", clock.instant().toString());
        event.put("data", data);
        return event;
    }

    private Map<String, Object> signedChange(Sandbox sandbox, SandboxChange change) {
        return switch (change.type()) {
            case "order" -> Map.of("resource", "orders", "orderNumbers", List.of(change.orderNumber()),
                    "customerNumbers", List.of(customerOfOrder(sandbox, change.orderNumber())));
            case "credit" -> Map.of("resource", "credit", "customerNumbers", List.of(change.customerNumber()));
            case "inventory" -> Map.of("resource", "inventory", "skus", List.of(change.sku()));
            default -> Map.of("resource", "prices", "skus", List.of(change.sku()));
        };
    }

    private static String customerOfOrder(Sandbox sandbox, String orderNumber) {
        SandboxErp erp = sandbox.erp();
        int sequence = erp.orderSequence(orderNumber).orElseThrow();
        return erp.customerNumber(sandbox.data().order(sequence).orElseThrow().customerIndex());
    }

    private static UUID guid(Sandbox sandbox, String what, String key) {
        return UUID.nameUUIDFromBytes((sandbox.id() + "/" + what + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

}
