package app.lantern.shared.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** The {@code Date} and {@code DateTime} scalars of common.graphqls, as ISO-8601 strings. */
final class Scalars {

    private Scalars() {
    }

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO-8601 (2023-12-08)")
            .coercing(new IsoCoercing<>("Date", "2023-12-08", LocalDate::parse, value -> switch (value) {
                case LocalDate date -> date.toString();
                default -> null;
            }))
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant with offset, ISO-8601 (2023-12-08T09:30:00+07:00)")
            .coercing(new IsoCoercing<>("DateTime", "2023-12-08T09:30:00+07:00", IsoDateTimes::parse, value -> switch (value) {
                case OffsetDateTime time -> time.toString();
                case ZonedDateTime time -> time.toOffsetDateTime().toString();
                case Instant instant -> instant.atOffset(ZoneOffset.UTC).toString();
                default -> null;
            }))
            .build();

    private record IsoCoercing<T>(String name, String example, Function<String, T> parser,
                                  Function<Object, String> printer) implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            String printed = printer.apply(value);
            if (printed == null) {
                throw new CoercingSerializeException("Cannot serialise " + value.getClass().getSimpleName() + " as " + name);
            }
            return printed;
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return parser.apply(text);
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException(message(text));
                }
            }
            throw new CoercingParseValueException(message(String.valueOf(input)));
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return parser.apply(text.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException(message(text.getValue()));
                }
            }
            throw new CoercingParseLiteralException(name + " must be a string such as " + example);
        }

        private String message(String text) {
            return "'" + text + "' is not a valid " + name + "; expected ISO-8601 such as " + example;
        }
    }
}
