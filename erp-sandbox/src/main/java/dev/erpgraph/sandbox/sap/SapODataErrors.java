package dev.erpgraph.sandbox.sap;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.ODataFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every SAP service's failures, in SAP Gateway's error body. */
@RestControllerAdvice(basePackageClasses = SapSandbox.class)
@ConditionalOnSandboxMode
class SapODataErrors {

    @ExceptionHandler(SapODataError.class)
    ResponseEntity<String> odataError(SapODataError error) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status())
            .contentType(MediaType.APPLICATION_JSON);
        if (error.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"");
        }
        return answer.body(SapSandboxErp.errorBody(error.code(), error.getMessage()));
    }

    @ExceptionHandler(ODataFilter.Invalid.class)
    ResponseEntity<String> invalidFilter(ODataFilter.Invalid error) {
        return ResponseEntity.status(400)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SapSandboxErp.errorBody("/IWBEP/CM_MGW_RT/022", "Invalid filter expression: " + error.getMessage()));
    }

}
