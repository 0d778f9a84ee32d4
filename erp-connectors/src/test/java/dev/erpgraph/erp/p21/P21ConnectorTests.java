package dev.erpgraph.erp.p21;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SandboxServerTests;
import dev.erpgraph.erp.http.ErpHttpClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class P21ConnectorTests extends SandboxServerTests {

    private P21Connector p21() {
        ConnectorSettings settings = new ConnectorSettings("p21", ErpKind.EPICOR_P21, null,
                sandbox("p21").erp().demoSystem("x").auth(), Duration.ofSeconds(30), 4, Map.of());
        return new P21Connector(settings, new ErpHttpClient("p21", () -> "http://127.0.0.1:" + port + "/sandbox/p21",
                Duration.ofSeconds(30), new SimpleMeterRegistry()));
    }

    @Test
    void smoke() {
        P21Connector p21 = p21();
        long t = System.currentTimeMillis();
        ErpBatch<String, List<SalesOrder>> orders = p21.orders(Set.of("100001", "100002"), OrderQuery.latest(5));
        System.out.println(orders + " " + (System.currentTimeMillis() - t));
        t = System.currentTimeMillis();
        ErpBatch<String, CreditStatus> credit = p21.credit(Set.of("100001"));
        System.out.println(credit + " " + (System.currentTimeMillis() - t));
        System.out.println(sandbox("p21").stats().snapshot().byResource());
    }
}
