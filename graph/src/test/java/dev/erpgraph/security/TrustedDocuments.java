package dev.erpgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The test's registered documents (src/test/resources/trusted-documents), read as a
 * client sends them: the file's exact text, whose SHA-256 the server has registered.
 */
public final class TrustedDocuments {

    private TrustedDocuments() {
    }

    public static String read(String name) {
        try {
            return new ClassPathResource("trusted-documents/" + name + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
