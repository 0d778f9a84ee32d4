package dev.erpgraph.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erpfields.ErpFieldError;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * The one place where exceptions become GraphQL errors. Each known exception type has a
 * {@link Mapping}: its {@code extensions.code}, the client-safe message and any further
 * extensions. Everything else becomes {@code INTERNAL} with a {@code correlationId} that
 * is logged with the exception, so that support can find the stack trace without the
 * client ever seeing it, or any SQL or class name.
 * <p>
 * To map another exception type, add one entry to {@link #MAPPINGS}. ERP failures are
 * built by {@link ErpFieldError}, as on an ERP-owned field.
 */
@Component
public class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger logger = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    static final List<Mapping<?>> MAPPINGS = List.of(
            new Mapping<>(InvalidInputException.class, ErrorCode.BAD_USER_INPUT, InvalidInputException::getMessage,
                    (ex, extensions) -> extensions.put("field", ex.getField())),
            // Spring's argument binding (a value that does not fit the Java type): name
            // the field only.
            new Mapping<>(BindException.class, ErrorCode.BAD_USER_INPUT, ex -> "Invalid input.",
                    GraphQlErrorResolver::bindingField),
            new Mapping<>(VersionConflictException.class, ErrorCode.CONFLICT, VersionConflictException::getMessage,
                    (ex, extensions) -> {
                    }),
            new Mapping<>(RecordNotFoundException.class, ErrorCode.NOT_FOUND, RecordNotFoundException::getMessage,
                    (ex, extensions) -> {
                    }),
            new Mapping<>(AuthenticationException.class, ErrorCode.UNAUTHENTICATED, ex -> "A credential is needed.",
                    (ex, extensions) -> {
                    }),
            new Mapping<>(AccessDeniedException.class, ErrorCode.FORBIDDEN,
                    ex -> "This credential does not allow this.", (ex, extensions) -> {
                    }));

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        // An ERP failure that escaped a loader (a mutation writing to an ERP) looks as it
        // does on an ERP-owned field.
        if (ex instanceof ErpException failure) {
            return ErpFieldError.of(failure, env);
        }
        for (Mapping<?> mapping : MAPPINGS) {
            if (mapping.type().isInstance(ex)) {
                return mapping.toError(ex, GraphqlErrorBuilder.newError(env));
            }
        }
        String correlationId = UUID.randomUUID().toString();
        logger.error("Unexpected error at {} (correlationId {})", env.getExecutionStepInfo().getPath(), correlationId,
                ex);
        return GraphqlErrorBuilder.newError(env)
            .errorType(ErrorCode.INTERNAL)
            .message("Internal error; quote correlationId " + correlationId + " to support.")
            .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "correlationId", correlationId))
            .build();
    }

    private static void bindingField(BindException ex, Map<String, Object> extensions) {
        FieldError fieldError = ex.getFieldError();
        if (fieldError != null) {
            extensions.put("field", fieldError.getField());
        }
    }

    /**
     * How one exception type is answered.
     *
     * @param type the exception type (subtypes match too)
     * @param code the {@code extensions.code}
     * @param message the client-safe message
     * @param extensions adds further extensions, e.g. {@code field} or
     * {@code erpSystemId}
     */
    record Mapping<E extends Throwable>(Class<E> type, ErrorCode code, Function<E, String> message,
            BiConsumer<E, Map<String, Object>> extensions) {

        /** The error, built on {@code builder} (which may already hold a path). */
        GraphQLError toError(Throwable ex, GraphqlErrorBuilder<?> builder) {
            E typed = type.cast(ex);
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", code.name());
            extensions.accept(typed, ext);
            return builder.errorType(code).message(message.apply(typed)).extensions(ext).build();
        }
    }

}
