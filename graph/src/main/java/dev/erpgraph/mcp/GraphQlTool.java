package dev.erpgraph.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.core.io.ClassPathResource;

/**
 * An MCP tool that is one fixed GraphQL document: its arguments are the document's
 * variables, by the same names, and its answer is what the document answers. The document
 * is a trusted document ({@code trusted-documents/<name>.graphql}), so a partner that may
 * run only those may run the tool.
 *
 * @param tool the tool as an agent sees it: name, description, input schema
 * @param document the document's text
 * @param answerPath where in the answer's {@code data} the tool's answer is (dotted); a
 * null there is the tool's failure, with the error that says why
 */
record GraphQlTool(McpSchema.Tool tool, String document, String answerPath) {

    /**
     * A read-only tool from its document file's name, its description and the JSON schema
     * of its arguments.
     */
    static GraphQlTool of(McpJsonMapper json, String name, String title, String description, String inputSchema,
            String documentName, String answerPath) {
        McpSchema.ToolAnnotations readOnly = new McpSchema.ToolAnnotations(title, true, false, true, false, null);
        McpSchema.Tool tool = McpSchema.Tool.builder()
            .name(name)
            .title(title)
            .description(description)
            .inputSchema(json, inputSchema)
            .annotations(readOnly)
            .build();
        return new GraphQlTool(tool, read(documentName), answerPath);
    }

    String name() {
        return tool.name();
    }

    private static String read(String documentName) {
        try {
            return new ClassPathResource("trusted-documents/" + documentName + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The MCP tool document " + documentName + " is missing", ex);
        }
    }

}
