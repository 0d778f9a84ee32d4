package dev.erpgraph.erpsystems;

import java.util.ArrayList;
import java.util.List;

import dev.erpgraph.crm.demo.DemoDataContributor;
import dev.erpgraph.erp.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.erp.sandbox.Sandbox;
import dev.erpgraph.erp.sandbox.SandboxRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links the demo accounts to the sandbox ERPs' customers: account k (in creation order)
 * is customer k / n of sandbox k % n, for the first {@value #LINKED_PER_SANDBOX}
 * customers of each of the n sandboxes. The rest of the demo accounts stay prospects with
 * no ERP record. Deterministic: the same links on every start.
 */
@Component
@ConditionalOnSandboxMode
@Order(10)
class SandboxDemoLinks implements DemoDataContributor {

    static final int LINKED_PER_SANDBOX = 220;

    private final SandboxRegistry sandboxes;

    private final JdbcTemplate jdbc;

    SandboxDemoLinks(SandboxRegistry sandboxes, JdbcTemplate jdbc) {
        this.sandboxes = sandboxes;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(List<Long> accountIds) {
        List<Sandbox> erps = List.copyOf(sandboxes.all());
        int linked = Math.min(accountIds.size(), erps.size() * LINKED_PER_SANDBOX);
        List<Object[]> rows = new ArrayList<>(linked);
        for (int k = 0; k < linked; k++) {
            Sandbox sandbox = erps.get(k % erps.size());
            rows.add(new Object[] { accountIds.get(k), sandbox.id(), sandbox.erp().customerNumber(k / erps.size()) });
        }
        jdbc.batchUpdate("insert into erp_customer_links (account_id, erp_system_id, customer_number) values (?, ?, ?)",
                rows);
    }

}
