package dev.erpgraph.operations;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A container platform's probes need no credential and learn nothing but a status; the
 * ERPs' health stays behind the admin scope.
 */
class ProbesTests extends OperationsContext {

    @Test
    void livenessAndReadinessAnswerABareStatusWithoutACredential() {
        for (String probe : new String[] { "liveness", "readiness" }) {
            ResponseEntity<String> answer = anonymous("/actuator/health/" + probe);
            assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(answer.getBody()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void theErpsHealthIsNotShownWithoutACredential() {
        ResponseEntity<String> answer = anonymous("/actuator/health/erp");

        assertThat(answer.getStatusCode().value() + " " + answer.getBody()).isEqualTo("404 null");
    }

    private ResponseEntity<String> anonymous(String path) {
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .build()
            .get()
            .uri(path)
            .retrieve()
            .onStatus(status -> true, (request, response) -> {
            })
            .toEntity(String.class);
    }

}
