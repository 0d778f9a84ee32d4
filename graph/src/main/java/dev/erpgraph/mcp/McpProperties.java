package dev.erpgraph.mcp;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MCP server for AI agents (application.yaml, {@code graph.mcp.*}).
 *
 * @param enabled whether {@code /mcp} answers at all; by default it does
 * @param serverName the name the server gives itself when an agent connects
 * @param serverVersion the version it gives
 * @param toolTimeout the longest a tool call waits for its GraphQL answer; each ERP is
 * bounded by its own, shorter timeout, so this only stops a call that would hang
 */
@Validated
@ConfigurationProperties("graph.mcp")
public record McpProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("erp-graph") @NotBlank String serverName, @DefaultValue("1.0.0") @NotBlank String serverVersion,
        @DefaultValue("30s") @NotNull Duration toolTimeout) {
}
