package org.amqpexplorer.protocol.peer;

/**
 * A queue of the built-in peer at one moment.
 *
 * @param address   the node's address
 * @param depth     messages waiting to be delivered
 * @param bytes     their payload bytes
 * @param consumers links the peer delivers from this queue on
 * @param unsettled messages delivered (or on their way) and not yet settled: they leave the queue when
 *                  accepted or rejected, and come back when released or modified
 * @param dynamic   created for a link that asked for a dynamic node; deleted when that link goes
 */
public record QueueSnapshot(String address, int depth, long bytes, int consumers, long unsettled, boolean dynamic) {
}
