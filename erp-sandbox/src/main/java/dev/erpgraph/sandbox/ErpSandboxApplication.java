package dev.erpgraph.sandbox;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The five sandbox ERPs as a process of their own:
 * {@code java -jar erp-sandbox/target/erp-sandbox-<version>.jar --server.port=9090}
 * serves {@code sap}, {@code netsuite}, {@code business-central}, {@code sxe} and
 * {@code p21} under {@code /sandbox/{id}/}, with the same wire and admin APIs as the
 * demo's embedded sandboxes. Change notifications go to
 * {@code sandbox.events.application-url}.
 *
 * <p>
 * The demo application embeds the same beans (its component scan finds this package, and
 * with it this class, whose configuration then adds nothing the scan did not).
 */
@SpringBootApplication
public class ErpSandboxApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ErpSandboxApplication.class);
        // Run alone, the sandboxes are on whatever the environment says of an
        // application's
        // ERPs (ERP_SYSTEMS_..., ERP_SANDBOX_URL may be set for the application beside
        // it).
        application.setDefaultProperties(Map.of("sandbox.enabled", "true", "spring.application.name", "erp-sandbox"));
        application.run(args);
    }

}
