package org.amqpexplorer.protocol.types;

import java.util.List;

/** coordinator (4.5.1): the target of a link to a transaction coordinator. The constants are the txn-capabilities (4.5.9). */
public record Coordinator(
        @Amqp(value = "symbol", multiple = true, requires = "txn-capability") List<String> capabilities)
        implements Composite {

    public static final String LOCAL_TRANSACTIONS = "amqp:local-transactions";
    public static final String DISTRIBUTED_TRANSACTIONS = "amqp:distributed-transactions";
    public static final String PROMOTABLE_TRANSACTIONS = "amqp:promotable-transactions";
    public static final String MULTI_TXNS_PER_SSN = "amqp:multi-txns-per-ssn";
    public static final String MULTI_SSNS_PER_TXN = "amqp:multi-ssns-per-txn";

    public Coordinator {
        capabilities = Checks.copy(capabilities);
    }
}
