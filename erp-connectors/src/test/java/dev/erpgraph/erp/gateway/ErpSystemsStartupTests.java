package dev.erpgraph.erp.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.ErpQuota;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.businesscentral.BusinessCentralConnectorFactory;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.events.SignedChangeEvents;
import dev.erpgraph.erp.netsuite.NetSuiteConnectorFactory;
import dev.erpgraph.erp.p21.P21ConnectorFactory;
import dev.erpgraph.erp.sap.SapConnectorFactory;
import dev.erpgraph.erp.sxe.SxeConnectorFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up and shutdown of the configured ERP systems: each ERP's options are checked
 * when the application starts, and its connectors are closed when it stops.
 */
class ErpSystemsStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(ConfiguredSystems.class);

    @Test
    void aBadOptionFailsStartUpNamingTheProperty() {
        assertStartUpFails(List.of("erp.systems.sap.kind=SAP_S4HANA", "erp.systems.sap.options.maxUrlLength=abc"),
                "erp.systems.sap.options.maxUrlLength: must be a whole number between 1000 and 64000, was 'abc'");
    }

    @Test
    void everyErpChecksItsOptionsAtStartUp() {
        assertStartUpFails(List.of("erp.systems.bc.kind=BUSINESS_CENTRAL", "erp.systems.bc.options.tenantId=t-1"),
                "erp.systems.bc.options.companyId: must be a GUID or name of letters, digits, '.', '_' or '-',"
                        + " was 'null'");
        assertStartUpFails(List.of("erp.systems.ns.kind=NETSUITE", "erp.systems.ns.options.page-size=5000"),
                "erp.systems.ns.options.page-size: must be a whole number between 1 and 1000, was '5000'");
        assertStartUpFails(
                List.of("erp.systems.sxe.kind=INFOR_SXE", "erp.systems.sxe.options.operation.pricing=../admin"),
                "erp.systems.sxe.options.operation.pricing: must be an SX.API operation name (3 to 80 of a-z, 0-9),"
                        + " was '../admin'");
        assertStartUpFails(List.of("erp.systems.p21.kind=EPICOR_P21", "erp.systems.p21.options.locations=CLE"),
                "erp.systems.p21.options.locations: must look like 10=CLE,20=CMH, was 'CLE'");
    }

    @Test
    void aMisspeltOptionFailsStartUpWithoutShowingItsValue() {
        assertStartUpFails(List.of("erp.systems.sap.kind=SAP_S4HANA", "erp.systems.sap.options.maxUrlLenght=5000"),
                "erp.systems.sap.options.maxUrlLenght: is not an option of SAP_S4HANA systems");
    }

    @Test
    void anOptionIsFoundAsEnvironmentVariablesSpellIt() {
        assertStartUpFails(List.of("erp.systems.sap.kind=SAP_S4HANA", "erp.systems.sap.options.MAX_URL_LENGTH=12"),
                "erp.systems.sap.options.maxUrlLength: must be a whole number between 1000 and 64000, was '12'");
    }

    @Test
    void eachErpsFactorySuppliesItsSystemsDefaultLimits() {
        runner
            .withPropertyValues("erp.systems.sap.kind=SAP_S4HANA", "erp.systems.sap.base-url=http://erp.invalid",
                    "erp.systems.p21.kind=EPICOR_P21", "erp.systems.p21.base-url=http://erp.invalid",
                    "erp.systems.p21.resilience.max-concurrent-calls=2")
            .run(context -> {
                ErpSystems systems = context.getBean(ErpSystems.class);
                ErpProperties properties = context.getBean(ErpProperties.class);
                ErpCallSettings sap = ErpCallSettings.of(properties, systems.find("sap").orElseThrow());
                ErpCallSettings p21 = ErpCallSettings.of(properties, systems.find("p21").orElseThrow());
                assertThat(sap.maxConcurrentCalls()).isEqualTo(8);
                assertThat(sap.limitForPeriod()).isZero();
                assertThat(p21.maxConcurrentCalls()).as("configuration wins").isEqualTo(2);
                assertThat(new BusinessCentralConnectorFactory().defaultLimits())
                    .isEqualTo(new ErpCallLimits(10, 10, ErpQuota.requests(6000, Duration.ofMinutes(5))));
                assertThat(new NetSuiteConnectorFactory().defaultLimits())
                    .isEqualTo(new ErpCallLimits(3, 0, ErpQuota.concurrentRequests(15, Duration.ofMinutes(1))));
                assertThat(systems.find("sap").orElseThrow().quota().quota()).isEqualTo(ErpQuota.UNPUBLISHED);
            });
    }

    @Test
    void stoppingTheApplicationClosesEveryConnector() {
        ClosableConnectors.CLOSED.set(0);
        runner.withUserConfiguration(ClosableConnectors.class)
            .withPropertyValues("erp.systems.one.kind=INFOR_SXE", "erp.systems.one.base-url=http://erp.invalid",
                    "erp.systems.two.kind=INFOR_SXE", "erp.systems.two.base-url=http://erp.invalid")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(ClosableConnectors.CLOSED).hasValue(0);
            });
        assertThat(ClosableConnectors.CLOSED).hasValue(2);
    }

    private void assertStartUpFails(List<String> properties, String message) {
        runner.withUserConfiguration(SxeConnectorFactory.class)
            .withPropertyValues(properties.toArray(String[]::new))
            .withPropertyValues(properties.get(0).replaceFirst("\\.kind=.*", ".base-url=http://erp.invalid"))
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessage(message);
            });
    }

    /**
     * The systems of {@code erp.systems}, built by each ERP's own factory (SX.e's where a
     * test adds it).
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ErpProperties.class)
    @Import({ ErpSystemsConfiguration.class, SapConnectorFactory.class, BusinessCentralConnectorFactory.class,
            NetSuiteConnectorFactory.class, P21ConnectorFactory.class })
    static class ConfiguredSystems {

    }

    /** SX.e systems whose connectors count how often they are closed. */
    @Configuration(proxyBeanMethods = false)
    static class ClosableConnectors {

        static final AtomicInteger CLOSED = new AtomicInteger();

        @Bean
        ErpConnectorFactory closableSxe() {
            return new ErpConnectorFactory(ErpKind.INFOR_SXE, ErpCallLimits.UNPUBLISHED, SignedChangeEvents::parse,
                    (settings, http) -> new ClosableConnector(settings.systemId())) {
            };
        }

    }

    /** Answers nothing; counts its close. */
    record ClosableConnector(String systemId) implements ErpConnector {

        @Override
        public List<ErpProbe> probes() {
            return List.of();
        }

        @Override
        public ErpKind kind() {
            return ErpKind.INFOR_SXE;
        }

        @Override
        public Set<ErpCapability> capabilities() {
            return Set.of();
        }

        @Override
        public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, List<Shipment>> shipmentsByOrder(Set<String> orderNumbers) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public ErpBatch<String, List<Invoice>> invoicesByOrder(Set<String> orderNumbers) {
            return ErpBatch.of(Map.of());
        }

        @Override
        public String createSalesOrder(SalesOrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> findSalesOrder(SalesOrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            ClosableConnectors.CLOSED.incrementAndGet();
        }

    }

}
