package org.amqpexplorer.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.types.Message;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values from text. Each failure is a {@link TypeConversionException} whose message says what is wrong
 * (picocli shows it after the option's name, with the usage); none repeats a password.
 */
final class Converters {
    private Converters() {
    }

    /** The messages a send command sends, in order. */
    record Messages(List<Message> list) {
    }

    static final class Url implements ITypeConverter<AmqpUrl> {
        @Override
        public AmqpUrl convert(String value) {
            try {
                return AmqpUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Guarantee implements ITypeConverter<DeliveryGuarantee> {
        @Override
        public DeliveryGuarantee convert(String value) {
            try {
                return DeliveryGuarantee.ofText(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A positive number of seconds, decimals allowed. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s;
            try {
                s = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (!(s > 0) || s > 1e9) throw new TypeConversionException("'" + value + "' is not a positive number of seconds");
            return Duration.ofNanos(Math.round(s * 1e9));
        }
    }

    /** One message in typed JSON; errors name the JSON path. */
    static final class InlineMessage implements ITypeConverter<Messages> {
        @Override
        public Messages convert(String value) {
            try {
                return new Messages(List.of(TypedJson.readMessage(value)));
            } catch (TypedJsonException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A file of one message or JSON Lines of several; errors name the file, the line and the JSON path. */
    static final class MessageFile implements ITypeConverter<Messages> {
        @Override
        public Messages convert(String value) {
            Path file = Path.of(value);
            List<Message> messages;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                messages = TypedJson.readMessageLines(in);
            } catch (TypedJsonException e) {
                // A line that is not JSON may be part of one pretty-printed message: try the whole file as one.
                if (!e.reason().startsWith("malformed JSON")) throw new TypeConversionException(value + ": " + e.getMessage());
                messages = List.of(whole(file, e));
            } catch (NoSuchFileException e) {
                throw new TypeConversionException(value + ": no such file");
            } catch (CharacterCodingException e) {
                throw new TypeConversionException(value + ": not UTF-8 text");
            } catch (IOException e) {
                throw new TypeConversionException(value + ": cannot read it (" + e.getMessage() + ")");
            }
            if (messages.isEmpty()) throw new TypeConversionException(value + ": holds no message");
            return new Messages(messages);
        }

        /**
         * The file as one JSON document (e.g. a pretty-printed message). If it is not one, the JSON Lines error
         * is the one to report, since it names the line.
         */
        private static Message whole(Path file, TypedJsonException linesError) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TypeConversionException(file + ": cannot read it (" + e.getMessage() + ")");
            }
            try {
                return TypedJson.readMessage(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (TypedJsonException e) {
                boolean oneDocument = !e.reason().startsWith("malformed JSON");
                throw new TypeConversionException(file + ": " + (oneDocument ? e : linesError).getMessage());
            }
        }
    }
}
