package dev.erpgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ERP-native GraphQL layer: CRM relationship data from our own store, ERP data read
 * live through the gateway. With nothing configured it runs the whole demo: embedded H2,
 * five sandbox ERPs on this port.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ErpGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(ErpGraphApplication.class, args);
    }

}
