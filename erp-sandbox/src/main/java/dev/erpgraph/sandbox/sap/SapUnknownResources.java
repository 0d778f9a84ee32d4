package dev.erpgraph.sandbox.sap;

import java.util.Set;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What SAP Gateway answers for a collection it does not have (every mapping of the
 * services served wins over these, being more specific): an entity set the service does
 * not have is 404 "Resource not found for segment '...'" (the OData library's text, seen
 * quoted from real systems [C]; the message code is [I]), a service that is not there (or
 * not exposed to the communication user) 404 {@code /IWFND/MED/170} "No service found for
 * namespace ..., name ..., version ..." [I]. Both in SAP Gateway's error body, after the
 * authentication every request passes.
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
class SapUnknownResources {

    /** The services this sandbox serves. */
    private static final Set<String> SERVICES = Set.of("API_SALES_ORDER_SRV", "API_MATERIAL_STOCK_SRV",
            "API_SLSPRICINGCONDITIONRECORD_SRV", "API_CRDTMBUSINESSPARTNER");

    private final SandboxRegistry registry;

    SapUnknownResources(SandboxRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(SapOData.ROOT + "/{service}/{entitySet}")
    void unknownEntitySet(@PathVariable String erpSystemId, @PathVariable String service,
            @PathVariable String entitySet, HttpServletRequest request) {
        SapOData.authenticated(registry, erpSystemId, "unknown-resource", request);
        if (!SERVICES.contains(service)) {
            throw noService(service);
        }
        throw new SapODataError(404, "/IWBEP/CM_MGW_RT/000", "Resource not found for segment '" + entitySet + "'");
    }

    @GetMapping(SapOData.ROOT + "/{service}")
    void unknownService(@PathVariable String erpSystemId, @PathVariable String service, HttpServletRequest request) {
        SapOData.authenticated(registry, erpSystemId, "unknown-resource", request);
        throw noService(service);
    }

    private static SapODataError noService(String service) {
        return new SapODataError(404, "/IWFND/MED/170",
                "No service found for namespace '', name '" + service + "', version '0001'");
    }

}
