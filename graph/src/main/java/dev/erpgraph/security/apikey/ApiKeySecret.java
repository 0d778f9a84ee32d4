package dev.erpgraph.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API key itself: {@code eg_} and 32 bytes from {@link SecureRandom} in base64url,
 * e.g. {@code eg_3q2-7wz...}. The marker lets a secret scanner, or a person, recognise a
 * leaked key.
 * <p>
 * Only {@link #hash()} is stored: one SHA-256, unsalted. That is the right hash for a key
 * of 256 random bits, unlike a password: nobody can guess or brute-force such a key from
 * its hash, so a slow salted hash (bcrypt, Argon2) would add nothing but cost, and it
 * would rule out what every request needs: finding the key's record by its hash, one
 * indexed lookup, without trying every stored salt.
 *
 * @param value the key, as sent in {@code X-API-Key}
 */
record ApiKeySecret(String value) {

    private static final String MARKER = "eg_";

    private static final int PREFIX_LENGTH = 8;

    private static final int RANDOM_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The marker and 32 bytes in base64url without padding: 43 characters. */
    private static final Pattern FORMAT = Pattern.compile(MARKER + "[A-Za-z0-9_-]{43}");

    static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(MARKER + BASE64URL.encodeToString(bytes));
    }

    /** Shaped as {@link #generate} makes keys: anything else is refused unlooked-up. */
    boolean isWellFormed() {
        return FORMAT.matcher(value).matches();
    }

    /**
     * Lower-case hex of SHA-256 over the key's UTF-8 bytes: what is stored and looked up.
     */
    String hash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(ex);
        }
    }

    /** The first characters, stored to tell keys apart; far too few to guess the rest. */
    String prefix() {
        return value.substring(0, Math.min(PREFIX_LENGTH, value.length()));
    }

    /** Never the key itself: a record's default would write it into any log line. */
    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "...]";
    }

}
