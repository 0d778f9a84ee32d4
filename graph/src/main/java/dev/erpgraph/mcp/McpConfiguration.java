package dev.erpgraph.mcp;

import java.time.Clock;
import java.util.Map;

import io.micrometer.context.ContextSnapshotFactory;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;

/**
 * The MCP server for AI agents: the official MCP Java SDK's streamable-HTTP transport, a
 * servlet at {@code /mcp} behind the same security filter chain as {@code /graphql} (the
 * same credentials, the same 401, the same rate limit), serving the {@link ErpTools},
 * each answered by the GraphQL handler ({@link GraphQlToolCalls}).
 * <p>
 * The SDK's plain servlet rather than Spring AI's starter: one small dependency, one SDK
 * version, and the transport's context extractor is where the request's principal is
 * picked up ({@link CallerRequest}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "graph.mcp.enabled", matchIfMissing = true)
class McpConfiguration {

    /**
     * Where agents connect. Fixed, as {@code /graphql} is: the rate limit
     * ({@code RateLimitFilter}) counts requests to it.
     */
    static final String ENDPOINT = "/mcp";

    private static final String INSTRUCTIONS = "Read-only access to this distributor's CRM accounts and their live"
            + " ERP data (orders, credit, stock, prices). Start with find_accounts to get an account's id. ERP"
            + " values carry their freshness; a stale value is the last one the ERP gave before it became unreachable.";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(WebGraphQlHandler graphQl) {
        ContextSnapshotFactory snapshots = (graphQl.contextSnapshotFactory() != null) ? graphQl.contextSnapshotFactory()
                : ContextSnapshotFactory.builder().build();
        return HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint(ENDPOINT)
            .contextExtractor(request -> McpTransportContext
                .create(Map.of(CallerRequest.KEY, CallerRequest.capture(request, snapshots))))
            .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet = new ServletRegistrationBean<>(
                transport, ENDPOINT);
        servlet.setName("mcp");
        // Answers are streamed (server-sent events) from the SDK's threads.
        servlet.setAsyncSupported(true);
        return servlet;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpProperties properties,
            WebGraphQlHandler graphQl) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        GraphQlToolCalls calls = new GraphQlToolCalls(graphQl, new ToolAnswers(json, Clock.systemUTC()),
                McpJsonDefaults.getSchemaValidator(), properties.toolTimeout());
        return McpServer.sync(transport)
            .serverInfo(properties.serverName(), properties.serverVersion())
            .instructions(INSTRUCTIONS)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .jsonMapper(json)
            // GraphQlToolCalls checks the arguments: its refusal names its code.
            .validateToolInputs(false)
            .tools(ErpTools.all(json).stream().map(calls::specification).toList())
            .build();
    }

}
