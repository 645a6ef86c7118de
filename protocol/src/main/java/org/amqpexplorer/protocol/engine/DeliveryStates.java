package org.amqpexplorer.protocol.engine;

import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.ULongValue;

/**
 * What the engine needs to know about a delivery state (3.4, 4.5.5): whether it is a terminal outcome. Works on
 * descriptors, so any described value (typed record or generic) will do.
 */
final class DeliveryStates {

    private static final long RECEIVED = 0x23;
    private static final long ACCEPTED = 0x24;
    private static final long MODIFIED = 0x27;
    private static final long DECLARED = 0x33;
    private static final long TRANSACTIONAL_STATE = 0x34;
    private static final Map<String, Long> SYMBOLS = Map.of(
            "amqp:received:list", RECEIVED,
            "amqp:accepted:list", ACCEPTED,
            "amqp:rejected:list", 0x25L,
            "amqp:released:list", 0x26L,
            "amqp:modified:list", MODIFIED,
            "amqp:declared:list", DECLARED,
            "amqp:transactional-state:list", TRANSACTIONAL_STATE);

    private DeliveryStates() {
    }

    /**
     * Accepted, rejected, released and modified are outcomes (3.4), and so is declared on a coordinator link
     * (4.5.2); a transactional-state is one when it carries an outcome (4.5.5); received and unknown states are
     * not.
     */
    static boolean isTerminal(AmqpValue state) {
        if (!(state instanceof Described described)) {
            return false;
        }
        long code = code(described.descriptor());
        if (code >= ACCEPTED && code <= MODIFIED || code == DECLARED) {
            return true;
        }
        if (code == TRANSACTIONAL_STATE && described.described() instanceof ListValue fields) {
            return fields.elements().size() > 1 && !(fields.elements().get(1) instanceof NullValue);
        }
        return false;
    }

    private static long code(AmqpValue descriptor) {
        return switch (descriptor) {
            case ULongValue u -> u.value();
            case SymbolValue s -> SYMBOLS.getOrDefault(s.value(), -1L);
            default -> -1;
        };
    }
}
