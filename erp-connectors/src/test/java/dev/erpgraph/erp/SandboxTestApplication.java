package dev.erpgraph.erp;

import dev.erpgraph.sandbox.ErpSandboxApplication;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * A minimal server for connector contract tests: the sandbox application (module
 * {@code erp-sandbox}) and every connector of this module, on a random port, with no
 * added latency. The connectors read the sandboxes through plain {@code erp.systems}
 * configuration (application.yaml beside the tests), as any deployment would.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ErpSandboxApplication.class)
public class SandboxTestApplication {

}
