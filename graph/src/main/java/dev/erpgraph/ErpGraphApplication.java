package dev.erpgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;

/**
 * The ERP-native GraphQL layer: CRM relationship data from our own store, ERP data read
 * live through the gateway. With nothing configured it runs the whole demo: embedded H2,
 * five sandbox ERPs on this port.
 */
// Spring Boot's authorization-server auto-configuration would add a second JwtDecoder
// (and a login page) next to a real
// issuer's; the demo issuer is configured explicitly, and only while no real issuer is
// (DemoIssuerConfiguration).
@SpringBootApplication(exclude = { OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class })
@ConfigurationPropertiesScan
public class ErpGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(ErpGraphApplication.class, args);
    }

}
