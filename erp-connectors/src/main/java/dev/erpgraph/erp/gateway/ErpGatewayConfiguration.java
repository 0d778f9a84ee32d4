package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.erp.config.ErpProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway and the policy it calls ERPs with. */
@Configuration(proxyBeanMethods = false)
class ErpGatewayConfiguration {

    /** ERP calls block on HTTP; they get their own threads so that a slow ERP never starves request threads. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService erpCallExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "erp-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(threads);
    }

    @Bean
    ErpCallPolicy erpCallPolicy(ExecutorService erpCallExecutor, ErpSystems systems, ErpProperties properties,
                                ObjectProvider<MeterRegistry> meters) {
        return new DirectCallPolicy(erpCallExecutor, systemId -> systems.find(systemId)
                .map(system -> system.properties().timeout())
                .filter(java.util.Objects::nonNull)
                .orElse(properties.timeout()),
                meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    ErpGateway erpGateway(ErpSystems systems, ErpCallPolicy policy) {
        return new ErpGateway(systems, policy);
    }
}
