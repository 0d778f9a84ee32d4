package dev.erpgraph.scalars;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's custom scalars. {@code Date} is extended-scalars' as is; {@code DateTime}
 * also accepts {@link Instant} (what the CRM store holds) and writes it in UTC;
 * {@code Decimal} is our own because extended-scalars' BigDecimal writes a JSON number,
 * which JavaScript clients would round.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

    static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
        .name("Decimal")
        .description("An exact decimal number, serialized as a JSON string.")
        .coercing(new DecimalCoercing())
        .build();

    static final GraphQLScalarType DATE_TIME = dateTime();

    @Bean
    RuntimeWiringConfigurer scalarsWiring() {
        return wiring -> wiring.scalar(ExtendedScalars.Date).scalar(DATE_TIME).scalar(DECIMAL);
    }

    @SuppressWarnings("unchecked")
    private static GraphQLScalarType dateTime() {
        Coercing<Object, String> delegate = (Coercing<Object, String>) ExtendedScalars.DateTime.getCoercing();
        return GraphQLScalarType.newScalar(ExtendedScalars.DateTime).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                Object input = (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value;
                return delegate.serialize(input, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return delegate.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                return delegate.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return delegate.valueToLiteral(input, context, locale);
            }
        }).build();
    }

    /**
     * Plain notation ({@code "1520.00"}, never {@code "1.52E+3"}); input as a string or a
     * JSON number.
     */
    static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Number || value instanceof String) {
                return parse(value.toString(), CoercingSerializeException::new).toPlainString();
            }
            throw new CoercingSerializeException("Not a decimal value.");
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof BigDecimal decimal) {
                return decimal;
            }
            if (input instanceof Number || input instanceof String) {
                return parse(input.toString(), CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Expected a decimal number as a string or number.");
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            if (input instanceof StringValue string) {
                return parse(string.getValue(), CoercingParseLiteralException::new);
            }
            if (input instanceof IntValue integer) {
                return new BigDecimal(integer.getValue());
            }
            if (input instanceof FloatValue floating) {
                return floating.getValue();
            }
            throw new CoercingParseLiteralException("Expected a decimal number as a string or number.");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }

        private static <E extends RuntimeException> BigDecimal parse(String text, Function<String, E> error) {
            try {
                // Bounds on length and scale keep "1e999999999" from costing memory in
                // toPlainString().
                if (text.length() <= 64) {
                    BigDecimal value = new BigDecimal(text.trim());
                    if (Math.abs(value.scale()) <= 64) {
                        return value;
                    }
                }
            }
            catch (NumberFormatException ex) {
                // the client error below, without the JDK's message
            }
            throw error.apply("Not a decimal number: expected e.g. \"1520.00\".");
        }

    }

}
