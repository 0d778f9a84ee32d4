package dev.erpgraph.erp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A minimal server for connector contract tests: every sandbox ERP and every connector of
 * this module, on a random port, with no added latency (see application.yaml beside the
 * tests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxTestApplication {

}
