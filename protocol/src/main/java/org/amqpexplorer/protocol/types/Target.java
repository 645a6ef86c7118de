package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;

/** target (3.5.4): the target terminus of a link. */
public record Target(
        @Amqp(value = "*", requires = "address") AmqpValue address,
        @Amqp(value = "terminus-durability", defaultValue = "none") TerminusDurability durable,
        @Amqp(value = "terminus-expiry-policy", defaultValue = "session-end") TerminusExpiryPolicy expiryPolicy,
        @Amqp(value = "seconds", defaultValue = "0") Long timeout,
        @Amqp(value = "boolean", defaultValue = "false") Boolean dynamic,
        @Amqp("node-properties") MapValue dynamicNodeProperties,
        @Amqp(value = "symbol", multiple = true) List<String> capabilities) implements Composite {

    public Target {
        capabilities = Checks.copy(capabilities);
    }

    /** A target with only an address (as a string, the address-string type). */
    public static Target of(String address) {
        return new Target(address == null ? null : new StringValue(address), null, null, null, null, null, null);
    }

    public TerminusDurability durableOrDefault() {
        return durable != null ? durable : TerminusDurability.NONE;
    }

    public TerminusExpiryPolicy expiryPolicyOrDefault() {
        return expiryPolicy != null ? expiryPolicy : TerminusExpiryPolicy.SESSION_END;
    }

    public long timeoutOrDefault() {
        return timeout != null ? timeout : 0;
    }

    public boolean dynamicOrDefault() {
        return dynamic != null && dynamic;
    }
}
