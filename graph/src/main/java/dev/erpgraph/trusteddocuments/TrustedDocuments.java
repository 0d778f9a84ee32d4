package dev.erpgraph.trusteddocuments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The registered documents, read once at start from the files at
 * {@link TrustedDocumentsProperties#locations()}, by their hash: the SHA-256, in hex, of
 * the file's exact text (UTF-8, comments and the last line break included). That is what
 * Apollo's persisted-query clients send as {@code sha256Hash}, since the file is what the
 * portal's build sends as its document. A file may hold several operations; the request's
 * {@code operationName} picks one, as for any document.
 */
@Component
public class TrustedDocuments {

    private static final Logger logger = LoggerFactory.getLogger(TrustedDocuments.class);

    private final Map<String, String> texts = new HashMap<>();

    TrustedDocuments(TrustedDocumentsProperties properties, ResourcePatternResolver resources) throws IOException {
        for (String location : properties.locations()) {
            for (Resource file : resources.getResources(location)) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                texts.put(hash(text), text);
            }
        }
        logger.info("{} trusted documents registered from {}", texts.size(), properties.locations());
        if (texts.isEmpty() && properties.required() && !properties.principalKinds().isEmpty()) {
            logger.warn("No trusted documents registered: {} principals can run nothing", properties.principalKinds());
        }
    }

    /** The document registered with this hash (either case of hex digits). */
    public Optional<String> document(String hash) {
        return Optional.ofNullable(texts.get(hash.toLowerCase(Locale.ROOT)));
    }

    /** Whether a document is registered, by its exact text. */
    public boolean contains(String document) {
        return texts.containsKey(hash(document));
    }

    /** The hash by which a document is registered and sent. */
    public static String hash(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            // Every Java runtime has SHA-256.
            throw new IllegalStateException(ex);
        }
    }

}
