package dev.erpgraph.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.micrometer.context.ContextSnapshot;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Answers a tool call by running its document through the same {@link WebGraphQlHandler}
 * as {@code /graphql}: the same interceptors (trusted documents, error codes, partner
 * introspection), the same execution with its limits, {@code @authorized} scopes,
 * loaders, cache, freshness and access log. There is no second path to an ERP.
 * <p>
 * The call runs with the HTTP request's context ({@link CallerRequest}) restored on the
 * SDK's thread, so that {@code Caller.current()} is the request's principal in the
 * interceptors, and the GraphQL handler carries it on to every data fetcher, DataLoader
 * and ERP call as it does for {@code /graphql}.
 */
class GraphQlToolCalls {

    private static final Logger logger = LoggerFactory.getLogger(GraphQlToolCalls.class);

    private final WebGraphQlHandler graphQl;

    private final ToolAnswers answers;

    private final JsonSchemaValidator arguments;

    private final Duration timeout;

    GraphQlToolCalls(WebGraphQlHandler graphQl, ToolAnswers answers, JsonSchemaValidator arguments, Duration timeout) {
        this.graphQl = graphQl;
        this.answers = answers;
        this.arguments = arguments;
        this.timeout = timeout;
    }

    SyncToolSpecification specification(GraphQlTool tool) {
        return SyncToolSpecification.builder()
            .tool(tool.tool())
            .callHandler((exchange, request) -> call(tool, exchange, request))
            .build();
    }

    private CallToolResult call(GraphQlTool tool, McpSyncServerExchange exchange, CallToolRequest call) {
        if (!(exchange.transportContext().get(CallerRequest.KEY) instanceof CallerRequest request)) {
            // Only a request through the servlet, behind the security chain, has one.
            return answers.failure("UNAUTHENTICATED", "This call came with no credential.", null);
        }
        Map<String, Object> variables = (call.arguments() != null) ? call.arguments() : Map.of();
        // Checked here rather than by the SDK, whose refusal names no code.
        JsonSchemaValidator.ValidationResponse valid = arguments.validate(tool.tool().inputSchema(), variables);
        if (!valid.valid()) {
            return answers.failure("BAD_USER_INPUT", valid.errorMessage(), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", tool.document());
        body.put("variables", variables);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers(),
                new LinkedMultiValueMap<>(), request.remoteAddress(), Map.of(), body, UUID.randomUUID().toString(),
                request.locale());
        try (ContextSnapshot.Scope scope = request.context().setThreadLocals()) {
            WebGraphQlResponse response = graphQl.handleRequest(graphQlRequest).timeout(timeout).block();
            return answers.answer(tool, response);
        }
        catch (RuntimeException ex) {
            if (Exceptions.unwrap(ex) instanceof TimeoutException) {
                // Each ERP has a shorter timeout of its own: this is a hang elsewhere.
                logger.warn("MCP tool {} had no answer within {}", tool.name(), timeout);
                return answers.failure("TIMEOUT", "No answer within " + timeout.toSeconds() + " s.", null);
            }
            // As /graphql: logged here, opaque to the caller.
            logger.error("MCP tool {} failed", tool.name(), ex);
            return answers.failure("INTERNAL", "Internal error.", null);
        }
    }

}
