package dev.erpgraph.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call (application.yaml, {@code graph.security.*}). Which issuer is trusted is
 * Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*}; this says how
 * its tokens name a caller.
 *
 * @param claims which claims of a token carry the caller's id, scopes, partner and kind
 */
@Validated
@ConfigurationProperties("graph.security")
public record SecurityProperties(@NotNull @Valid Claims claims) {

    /**
     * Claim names (API-CONTRACT.md, Security, gives the defaults).
     *
     * @param principal the caller's id, by default {@code sub}
     * @param scope the scopes, space-separated or a list, by default {@code scope}
     * @param partnerId the partner id, present only for a partner principal, by default
     * {@code partner_id}
     * @param principalKind {@code USER} or {@code SERVICE} for an internal principal, by
     * default {@code principal_kind}; a token without it is a user's
     */
    public record Claims(@NotBlank String principal, @NotBlank String scope, @NotBlank String partnerId,
            @NotBlank String principalKind) {
    }

}
