package dev.erpgraph.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.gateway.DefaultErpSystems;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The systems the demo reads when {@code erp.systems} is empty: the sandbox ERPs of
 * {@link DemoErpProperties}, embedded on this server's port (read through
 * {@code ${local.server.port}}, resolved once it listens), or those of the sandbox
 * process at {@code erp.sandbox.url} (profile {@code sandbox-process}).
 */
@Component
class DemoErpSystems implements DefaultErpSystems {

    static final String EMBEDDED_ROOT = "http://127.0.0.1:${local.server.port}";

    private final DemoErpProperties demo;

    private final String root;

    DemoErpSystems(DemoErpProperties demo, Environment environment) {
        this.demo = demo;
        String url = environment.getProperty("erp.sandbox.url");
        this.root = url == null || url.isBlank() ? EMBEDDED_ROOT : url.replaceAll("/+$", "");
    }

    @Override
    public Map<String, ErpSystemProperties> systems() {
        Map<String, ErpSystemProperties> systems = new LinkedHashMap<>();
        demo.systems()
            .forEach((id, system) -> systems.put(id,
                    new ErpSystemProperties(system.kind(), system.name(), root + "/sandbox/" + id, system.auth(), null,
                            null, system.options(), null, null, new ErpSystemProperties.Events(demo.eventsSecret()),
                            null)));
        return systems;
    }

}
