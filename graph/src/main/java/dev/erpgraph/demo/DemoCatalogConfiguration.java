package dev.erpgraph.demo;

import dev.erpgraph.crm.demo.DemoCatalog;
import dev.erpgraph.sandbox.DistributorDataSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo opportunities quote the sandbox ERPs' items: every sandbox, embedded or in its
 * own process, carries the same skus, so a demo line's live price resolves in any of
 * them.
 */
@Configuration(proxyBeanMethods = false)
class DemoCatalogConfiguration {

    @Bean
    DemoCatalog demoCatalog() {
        return DistributorDataSet::skus;
    }

}
