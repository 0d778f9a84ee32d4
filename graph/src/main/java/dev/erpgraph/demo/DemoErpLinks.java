package dev.erpgraph.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.erpgraph.crm.demo.DemoDataContributor;
import dev.erpgraph.erp.config.ErpProperties;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links the demo accounts to the demo ERP systems' customers: account k (in creation
 * order) is customer k / n of system k % n, for the first
 * {@code demo.erp.linked-accounts-per-system} customers of each of the n systems,
 * numbered as each sandbox numbers them. The rest of the demo accounts stay prospects
 * with no ERP record. The same links on every start, embedded or against a sandbox
 * process; none when {@code erp.systems} names real ERPs.
 */
@Component
@Order(10)
class DemoErpLinks implements DemoDataContributor {

    private final DemoErpProperties demo;

    private final ErpProperties erp;

    private final JdbcTemplate jdbc;

    DemoErpLinks(DemoErpProperties demo, ErpProperties erp, JdbcTemplate jdbc) {
        this.demo = demo;
        this.erp = erp;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(List<Long> accountIds) {
        if (!erp.systems().isEmpty()) {
            return;
        }
        List<Map.Entry<String, DemoErpProperties.DemoSystem>> systems = List.copyOf(demo.systems().entrySet());
        int linked = Math.min(accountIds.size(), systems.size() * demo.linkedAccountsPerSystem());
        List<Object[]> rows = new ArrayList<>(linked);
        for (int k = 0; k < linked; k++) {
            Map.Entry<String, DemoErpProperties.DemoSystem> system = systems.get(k % systems.size());
            rows.add(new Object[] { accountIds.get(k), system.getKey(),
                    system.getValue().customerNumber(k / systems.size()) });
        }
        jdbc.batchUpdate("insert into erp_customer_links (account_id, erp_system_id, customer_number) values (?, ?, ?)",
                rows);
    }

}
