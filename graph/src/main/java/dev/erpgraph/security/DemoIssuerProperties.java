package dev.erpgraph.security;

import java.time.Duration;
import java.util.List;

import dev.erpgraph.access.PrincipalKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded default's own token issuer (application.yaml,
 * {@code graph.security.demo-issuer.*}): {@code POST /oauth2/token} with client
 * credentials, for the demo clients of API-CONTRACT.md. It is on while no real issuer is
 * configured (see {@link DemoIssuerCondition}). GraphiQL signs in as one of its clients
 * (see {@link DemoSignIn}), the first one to begin with.
 *
 * @param audience the {@code aud} of its tokens, which this server requires of them
 * @param tokenTimeToLive how long a token is valid
 * @param clients the demo clients
 */
@Validated
@ConfigurationProperties("graph.security.demo-issuer")
public record DemoIssuerProperties(@NotBlank String audience, @NotNull Duration tokenTimeToLive,
        @NotEmpty List<@Valid Client> clients) {

    /**
     * One demo client.
     *
     * @param clientId its id, also the principal's id ({@code sub}) in its tokens
     * @param secret its secret (HTTP Basic client authentication)
     * @param kind what kind of caller it stands for
     * @param scopes its scopes; a token request without {@code scope} gets them all
     * @param partnerId its partner, for a partner principal
     * @param description who it stands for, in a few words (GraphiQL's sign-in shows it)
     */
    public record Client(@NotBlank String clientId, @NotBlank String secret, @NotNull PrincipalKind kind,
            @NotEmpty List<String> scopes, String partnerId, String description) {
    }

}
