package dev.erpgraph.crm;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/** Keeps Spring for GraphQL's schema inspection report, so that a test can require it to be clean. */
@Component
public class SchemaReportCapture implements GraphQlSourceBuilderCustomizer {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(this.report::set);
    }

    public SchemaReport report() {
        return this.report.get();
    }
}
