package dev.erpgraph.trusteddocuments;

import java.util.List;
import java.util.Set;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which callers may run only registered documents, and where the registered documents are
 * (application.yaml, {@code graph.security.trusted-documents.*}). A partner portal sends
 * a fixed set of documents; holding it to that set keeps an outside client from sending
 * anything it can think of.
 *
 * @param required whether the requirement holds at all; {@code false} lets every caller
 * send any document (for development)
 * @param locations Spring resource patterns of the document files, one document per file;
 * by default {@code classpath*:trusted-documents/*.graphql}, which also takes a test
 * class path's documents
 * @param principalKinds the kinds of caller that need them, by default {@code PARTNER}
 */
@Validated
@ConfigurationProperties("graph.security.trusted-documents")
public record TrustedDocumentsProperties(@DefaultValue("true") boolean required,
        @DefaultValue("classpath*:trusted-documents/*.graphql") @NotEmpty List<@NotBlank String> locations,
        @DefaultValue("PARTNER") @NotNull Set<PrincipalKind> principalKinds) {

    /** Whether this caller may run only registered documents. */
    boolean appliesTo(Caller caller) {
        return required && principalKinds.contains(caller.kind());
    }

}
