package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.amqpexplorer.protocol.codec.BinaryValue;

/** The delivery table against a plain map: ids assigned in sequence (across the 2^32 wrap), settled in any order. */
class DeliveriesByIdTest {

    @Property(tries = 50)
    void behavesAsAMap(@ForAll long seed) {
        Random random = new Random(seed);
        Connection connection = Connection.initiator();
        connection.open();
        Receiver link = connection.session().receiver("r");
        DeliveriesById table = new DeliveriesById();
        Map<Integer, Delivery> model = new HashMap<>();
        List<Integer> live = new ArrayList<>();
        int next = random.nextBoolean() ? -200 : random.nextInt();
        for (int step = 0; step < 3000; step++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                Delivery d = new IncomingDelivery(link, step, next, BinaryValue.of(new byte[0]), 0);
                table.put(next, d);
                model.put(next, d);
                live.add(next);
                next++;
            } else {
                int id = live.remove(random.nextInt(live.size()));
                table.remove(id, random.nextInt(10) == 0 ? null : model.get(id));
                if (table.get(id) == null) {
                    model.remove(id);
                } else {
                    live.add(id);
                }
            }
            int probe = live.isEmpty() ? next : live.get(random.nextInt(live.size()));
            assertSame(model.get(probe), table.get(probe));
            assertSame(null, table.get(next));
            assertEquals(model.size(), table.size());
        }
        assertEquals(model.size(), table.values().size());
        table.removeIf(d -> d.deliveryId % 2 == 0);
        model.values().removeIf(d -> d.deliveryId % 2 == 0);
        for (Map.Entry<Integer, Delivery> e : model.entrySet()) {
            assertSame(e.getValue(), table.get(e.getKey()));
        }
        assertEquals(model.size(), table.size());
    }
}
