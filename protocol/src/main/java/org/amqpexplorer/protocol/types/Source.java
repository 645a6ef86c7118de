package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;

/**
 * source (3.5.3): the source terminus of a link. The constants are the spec's distribution modes (3.5.7),
 * node property keys (3.5.9), and the descriptors of the filters in the AMQP filter registry, which the
 * {@code filter} map holds as described values.
 */
public record Source(
        @Amqp(value = "*", requires = "address") AmqpValue address,
        @Amqp(value = "terminus-durability", defaultValue = "none") TerminusDurability durable,
        @Amqp(value = "terminus-expiry-policy", defaultValue = "session-end") TerminusExpiryPolicy expiryPolicy,
        @Amqp(value = "seconds", defaultValue = "0") Long timeout,
        @Amqp(value = "boolean", defaultValue = "false") Boolean dynamic,
        @Amqp("node-properties") MapValue dynamicNodeProperties,
        @Amqp(value = "symbol", requires = "distribution-mode") String distributionMode,
        @Amqp("filter-set") MapValue filter,
        @Amqp(value = "*", requires = "outcome") AmqpValue defaultOutcome,
        @Amqp(value = "symbol", multiple = true) List<String> outcomes,
        @Amqp(value = "symbol", multiple = true) List<String> capabilities) implements Composite {

    // 3.5.7 std-dist-mode
    public static final String DISTRIBUTION_MODE_MOVE = "move";
    public static final String DISTRIBUTION_MODE_COPY = "copy";
    // 3.5.9 node-properties keys
    public static final String LIFETIME_POLICY = "lifetime-policy";
    public static final String SUPPORTED_DIST_MODES = "supported-dist-modes";
    // AMQP filter registry (descriptor domain 0x468C, Apache)
    public static final String SELECTOR_FILTER = "apache.org:selector-filter:string";
    public static final long SELECTOR_FILTER_CODE = 0x0000468C_00000004L;
    public static final String NO_LOCAL_FILTER = "apache.org:no-local-filter:list";
    public static final long NO_LOCAL_FILTER_CODE = 0x0000468C_00000003L;

    public Source {
        outcomes = Checks.copy(outcomes);
        capabilities = Checks.copy(capabilities);
    }

    /** A source with only an address (as a string, the address-string type). */
    public static Source of(String address) {
        return new Source(address == null ? null : new StringValue(address),
                null, null, null, null, null, null, null, null, null, null);
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
