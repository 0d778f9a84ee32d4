package dev.erpgraph.erp.config;

/**
 * Credentials for one ERP system. Which fields matter depends on the ERP (each connector
 * documents it): SAP uses {@code username}/{@code password} (communication user, Basic)
 * or an OAuth2 client; NetSuite, Business Central and SX.e an OAuth2 token endpoint; P21
 * its own token endpoint with a username/password or a consumer key.
 *
 * @param tokenUrl absolute, or relative to the system's base URL
 */
public record ErpAuthProperties(String tokenUrl, String clientId, String clientSecret, String username, String password,
        String scope) {

    public static ErpAuthProperties none() {
        return new ErpAuthProperties(null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        // Never print secrets, not even in a debug log of the configuration.
        return "ErpAuthProperties[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", username=" + username
                + ", clientSecret=***, password=***, scope=" + scope + "]";
    }
}
