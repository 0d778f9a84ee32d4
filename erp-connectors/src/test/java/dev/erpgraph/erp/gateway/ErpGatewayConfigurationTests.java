package dev.erpgraph.erp.gateway;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own threads: an ERP call runs off the request thread, with the request
 * thread's context.
 */
class ErpGatewayConfigurationTests {

    private static final ThreadLocal<String> PRINCIPAL = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(ErpGatewayConfigurationTests.class.getName(), PRINCIPAL::get, PRINCIPAL::set,
                    PRINCIPAL::remove);
    }

    private final ExecutorService erpCalls = new ErpGatewayConfiguration().erpCallExecutor();

    @AfterEach
    void release() {
        PRINCIPAL.remove();
        erpCalls.shutdownNow();
    }

    @Test
    void anErpCallRunsOnAGatewayThreadWithItsCallersContext() throws Exception {
        PRINCIPAL.set("alice");
        String first = erpCalls.submit(() -> PRINCIPAL.get() + " on " + Thread.currentThread().getName())
            .get(10, TimeUnit.SECONDS);
        PRINCIPAL.set("bob");
        String second = erpCalls.submit(PRINCIPAL::get).get(10, TimeUnit.SECONDS);

        assertThat(first).isEqualTo("alice on erp-call-1");
        assertThat(second).isEqualTo("bob");
    }

}
