package dev.erpgraph.erp.netsuite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed JWT a NetSuite M2M integration sends as {@code client_assertion}: header
 * {@code kid} = the certificate id shown in NetSuite's "OAuth 2.0 Client Credentials
 * (M2M) Setup", {@code alg} ES256 for an EC P-256 key or PS256 for an RSA key (NetSuite
 * accepts PS256/384/512 and ES256/384/512, never RS256); claims {@code iss} = the
 * integration's client id, {@code scope}, {@code aud} = the token URL, {@code iat},
 * {@code exp} (NetSuite refuses more than 60 minutes; we ask for 5) and a {@code jti}.
 * Uses java.security only.
 */
final class NetSuiteClientAssertion {

    static final long LIFETIME_SECONDS = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;

    private final String certificateId;

    private final PrivateKey key;

    private final String scope;

    NetSuiteClientAssertion(String clientId, String certificateId, PrivateKey key, String scope) {
        this.clientId = Objects.requireNonNull(clientId, "clientId (the integration's client id)");
        this.certificateId = Objects.requireNonNull(certificateId, "certificate-id");
        this.key = Objects.requireNonNull(key, "private key");
        this.scope = scope == null || scope.isBlank() ? "rest_webservices" : scope;
    }

    /**
     * Reads a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) holding an EC or RSA key.
     */
    static PrivateKey privateKey(String pem) {
        if (pem == null || !pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("the NetSuite certificate key must be a PKCS#8 PEM "
                    + "(-----BEGIN PRIVATE KEY-----); convert with: openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : new String[] { "EC", "RSA" }) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            }
            catch (GeneralSecurityException ex) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the NetSuite certificate key is neither an EC nor an RSA key");
    }

    String algorithm() {
        return key instanceof ECPrivateKey ? "ES256" : "PS256";
    }

    /** A fresh assertion for the token URL {@code audience}, issued at {@code now}. */
    String sign(String audience, Instant now) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", algorithm());
        header.put("typ", "JWT");
        header.put("kid", certificateId);
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", clientId);
        claims.putArray("scope").add(scope);
        claims.put("aud", audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature;
            if (key instanceof ECPrivateKey) {
                // JOSE wants R||S, not DER: the P1363 format gives exactly that.
                signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            else {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign the NetSuite client assertion", ex);
        }
    }

    private static String encode(ObjectNode node) {
        return BASE64URL.encodeToString(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
    }

}
