package org.amqpexplorer.protocol.peer;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer's queues by address. A queue is made on the first attach to its address and lives as long as the
 * peer; a dynamic one is made for the link that asks for it and deleted when that link goes.
 */
final class Nodes {

    private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();
    private final PeerOptions options;
    private final Peer peer;

    Nodes(PeerOptions options, Peer peer) {
        this.options = options;
        this.peer = peer;
    }

    /** The queue at this address, made now if there is none. */
    Queue queue(String address) {
        Queue q = queues.get(address);
        if (q == null) {
            Queue fresh = new Queue(address, false, options.maxQueueMessages(), options.maxQueueBytes());
            q = queues.putIfAbsent(address, fresh);
            if (q == null) {
                q = fresh;
                peer.emit(new PeerEvent.QueueCreated(address, false));
            }
        }
        return q;
    }

    /** A new queue with a generated address (3.5.3 dynamic), for the link that asked for it. */
    Queue createDynamic() {
        String address = "dynamic/" + UUID.randomUUID();
        Queue q = new Queue(address, true, options.maxQueueMessages(), options.maxQueueBytes());
        queues.put(address, q);
        peer.emit(new PeerEvent.QueueCreated(address, true));
        return q;
    }

    /** Deletes a queue: its messages are dropped and the links still attached to it are told. */
    void delete(Queue queue) {
        if (!queues.remove(queue.address, queue)) {
            return;
        }
        List<Queue.Attachment> left = queue.delete();
        peer.emit(new PeerEvent.QueueDeleted(queue.address));
        for (Queue.Attachment a : left) {
            a.nodeDeleted(queue);
        }
    }

    List<QueueSnapshot> snapshots() {
        return queues.values().stream().map(Queue::snapshot).sorted(Comparator.comparing(QueueSnapshot::address)).toList();
    }
}
