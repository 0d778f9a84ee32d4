package dev.erpgraph.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no OTLP endpoint configured, nothing is sent anywhere: no span exporter but this
 * test's in-memory one (tracing export is on in this context, as in production), and no
 * OTLP metrics registry pushing to a collector that is not there.
 */
class ExportDefaultsTests extends OperationsContext {

    @Autowired
    ApplicationContext context;

    @Test
    void nothingIsExportedOverOtlpUntilAnEndpointIsConfigured() {
        assertThat(context.getBeansOfType(SpanExporter.class).values())
            .allSatisfy(exporter -> assertThat(exporter).isInstanceOf(InMemorySpanExporter.class))
            .hasSize(1);
        assertThat(context.getBeansOfType(OtlpMeterRegistry.class)).isEmpty();
        assertThat(context.getBeansOfType(MeterRegistry.class)).isNotEmpty();
    }

}
