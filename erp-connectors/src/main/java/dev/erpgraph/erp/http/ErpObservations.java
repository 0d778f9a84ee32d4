package dev.erpgraph.erp.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * An observation registry for code that runs without the application's (a test, a tool):
 * observations become timers in {@code meters}, as they would in the application, and no
 * spans.
 */
public final class ErpObservations {

    private ErpObservations() {
    }

    public static ObservationRegistry measuredBy(MeterRegistry meters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return registry;
    }

}
