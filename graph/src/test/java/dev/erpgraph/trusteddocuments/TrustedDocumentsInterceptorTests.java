package dev.erpgraph.trusteddocuments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;
import dev.erpgraph.security.CallerAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who must send registered documents, decided per request: the configured kinds of
 * principal while the requirement is on, nobody while it is off.
 */
class TrustedDocumentsInterceptorTests {

    private static final String RAW = "{ accounts(first: 1) { nodes { id } } }";

    private static final Caller PARTNER = new Caller("demo-partner-1", PrincipalKind.PARTNER, "partner-1",
            Set.of(Scope.CRM_READ));

    private static final Caller SERVICE = new Caller("nightly-sync", PrincipalKind.SERVICE, null,
            Set.of(Scope.CRM_READ));

    private final AtomicReference<WebGraphQlRequest> ran = new AtomicReference<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void byDefaultAPartnersRawDocumentIsRefusedAndAServicesRuns() throws IOException {
        TrustedDocumentsInterceptor interceptor = interceptor(true, Set.of(PrincipalKind.PARTNER));

        WebGraphQlResponse refused = send(interceptor, PARTNER, RAW);
        assertThat(ran).hasNullValue();
        assertThat(refused.getErrors()).singleElement()
            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND"));

        send(interceptor, SERVICE, RAW);
        assertThat(ran.get().toExecutionInput().getQuery()).isEqualTo(RAW);
    }

    @Test
    void withTheRequirementOffAPartnersRawDocumentRuns() throws IOException {
        send(interceptor(false, Set.of(PrincipalKind.PARTNER)), PARTNER, RAW);

        assertThat(ran.get().toExecutionInput().getQuery()).isEqualTo(RAW);
    }

    @Test
    void theKindsOfPrincipalThatNeedThemAreConfigured() throws IOException {
        TrustedDocumentsInterceptor interceptor = interceptor(true, Set.of(PrincipalKind.SERVICE));

        send(interceptor, PARTNER, RAW);
        assertThat(ran.get().toExecutionInput().getQuery()).isEqualTo(RAW);

        ran.set(null);
        send(interceptor, SERVICE, RAW);
        assertThat(ran).hasNullValue();
    }

    @Test
    void aRegisteredHashRunsItsDocumentWithTheRequirementOnOrOff() throws IOException {
        String document = new PathMatchingResourcePatternResolver()
            .getResource("classpath:trusted-documents/portalQuote.graphql")
            .getContentAsString(StandardCharsets.UTF_8);
        for (boolean required : List.of(true, false)) {
            ran.set(null);
            SerializableGraphQlRequest body = new SerializableGraphQlRequest();
            body.setExtensions(Map.of("persistedQuery",
                    Map.of("version", 1, "sha256Hash", TrustedDocuments.hash(document).toUpperCase(Locale.ROOT))));
            send(interceptor(required, Set.of(PrincipalKind.PARTNER)), PARTNER, body);

            assertThat(ran.get().toExecutionInput().getQuery()).isEqualTo(document);
        }
    }

    private static TrustedDocumentsInterceptor interceptor(boolean required, Set<PrincipalKind> kinds)
            throws IOException {
        TrustedDocumentsProperties properties = new TrustedDocumentsProperties(required,
                List.of("classpath*:trusted-documents/*.graphql"), kinds);
        return new TrustedDocumentsInterceptor(
                new TrustedDocuments(properties, new PathMatchingResourcePatternResolver()), properties);
    }

    private WebGraphQlResponse send(TrustedDocumentsInterceptor interceptor, Caller caller, String query) {
        SerializableGraphQlRequest body = new SerializableGraphQlRequest();
        body.setQuery(query);
        return send(interceptor, caller, body);
    }

    private WebGraphQlResponse send(TrustedDocumentsInterceptor interceptor, Caller caller,
            SerializableGraphQlRequest body) {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller, "test"));
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), body, "1", Locale.ENGLISH);
        return interceptor.intercept(request, next -> {
            ran.set(next);
            return Mono.empty();
        }).block();
    }

}
