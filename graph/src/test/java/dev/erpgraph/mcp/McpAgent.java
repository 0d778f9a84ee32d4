package dev.erpgraph.mcp;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AI agent as the MCP Java SDK's own client makes one: streamable HTTP to
 * {@code /mcp}, with a credential header as any MCP client configuration sets it.
 */
final class McpAgent implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final McpSyncClient client;

    private McpAgent(McpSyncClient client) {
        this.client = client;
    }

    /**
     * An agent of the server at {@code port}, sending these headers with every request,
     * not yet connected.
     */
    static McpAgent of(int port, Map<String, String> headers) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        headers.forEach(requests::header);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
            .builder("http://127.0.0.1:" + port)
            .endpoint("/mcp")
            .requestBuilder(requests)
            .build();
        return new McpAgent(McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .build());
    }

    /** A connected agent with a bearer token ({@code Bearer <token>}). */
    static McpAgent connected(int port, String bearer) {
        return connected(port, Map.of(HttpHeaders.AUTHORIZATION, bearer));
    }

    /** A connected agent sending these headers. */
    static McpAgent connected(int port, Map<String, String> headers) {
        McpAgent agent = of(port, headers);
        agent.client.initialize();
        return agent;
    }

    McpSyncClient client() {
        return client;
    }

    List<Tool> tools() {
        return client.listTools().tools();
    }

    /** A successful call's answer, as the JSON an agent reads. */
    Map<String, Object> answer(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s: %s", tool, text(result)).isFalse();
        return json(result);
    }

    /** A failed call's {@code error}: code, message and path. */
    Map<String, Object> error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s: %s", tool, text(result)).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json(result).get("error");
        return error;
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    static Map<String, Object> json(CallToolResult result) {
        return JSON.readValue(text(result), new TypeReference<Map<String, Object>>() {
        });
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).singleElement().isInstanceOf(TextContent.class);
        return ((TextContent) result.content().get(0)).text();
    }

    @Override
    public void close() {
        client.close();
    }

}
