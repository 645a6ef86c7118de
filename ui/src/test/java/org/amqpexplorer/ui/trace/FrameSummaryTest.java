package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.End;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SaslCode;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.SaslOutcome;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.amqpexplorer.protocol.types.TerminusDurability;
import org.amqpexplorer.protocol.types.TerminusExpiryPolicy;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/** One-line summaries of real encoded frames, in the AMQP.Net Lite style, for every performative. */
class FrameSummaryTest {

    private static String summary(TraceFrame f) {
        return FrameSummary.of(f);
    }

    private static String summary(org.amqpexplorer.protocol.codec.Described body) {
        return summary(Frames.sent("c1", 0, body));
    }

    @Test
    void flowIsExactlyTheNetLiteLine() {
        assertEquals("flow(next-in-id:5,in-window:2048,next-out-id:0,out-window:2048,handle:0,delivery-count:0,link-credit:100)",
                summary(new Flow(5L, 2048L, 0L, 2048L, 0L, 0L, 100L, null, null, null, null)));
    }

    @Test
    void sessionFlowWithoutLinkFieldsLeavesThemOut() {
        assertEquals("flow(in-window:100,next-out-id:1,out-window:7,drain:true)",
                summary(new Flow(null, 100L, 1L, 7L, null, null, null, null, true, null, null)));
    }

    @Test
    void openWithMultiSymbolCapabilitiesAndProperties() {
        Map<AmqpValue, AmqpValue> props = new LinkedHashMap<>();
        props.put(new SymbolValue("product"), new StringValue("qpid"));
        props.put(new SymbolValue("version"), new StringValue("1.0"));
        Open open = new Open("container-1", "broker.example", 65536L, 1023, 30000L, null, null,
                List.of("ANONYMOUS-RELAY", "DELAYED_DELIVERY"), List.of("SHARED-SUBS"), new MapValue(props));
        assertEquals("open(container-id:container-1,hostname:broker.example,max-frame-size:65536,channel-max:1023,"
                + "idle-time-out:30000,offered-caps:[ANONYMOUS-RELAY,DELAYED_DELIVERY],desired-caps:[SHARED-SUBS],"
                + "properties:[product:qpid,version:1.0])", summary(open));
    }

    @Test
    void openWithOnlyTheContainerId() {
        assertEquals("open(container-id:c)", summary(new Open("c", null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void begin() {
        assertEquals("begin(remote-channel:0,next-out-id:1,in-window:2048,out-window:2048,handle-max:255)",
                summary(new Begin(0, 1L, 2048L, 2048L, 255L, null, null, null)));
    }

    @Test
    void attachWithNestedSourceAndTarget() {
        Source source = new Source(new StringValue("queue-a"), TerminusDurability.NONE, TerminusExpiryPolicy.SESSION_END,
                0L, false, null, null, null, null, List.of("amqp:accepted:list", "amqp:rejected:list"), null);
        Target target = new Target(new StringValue("queue-b"), null, null, null, null, null, List.of("queue"));
        Attach attach = new Attach("sender-1", 0L, Role.SENDER, SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST,
                source, target, null, null, 0L, null, null, null, null);
        assertEquals("attach(name:sender-1,handle:0,role:sender,snd-settle-mode:unsettled,rcv-settle-mode:first,"
                + "source:source(address:queue-a,durable:none,expiry-policy:session-end,timeout:0,dynamic:false,"
                + "outcomes:[amqp:accepted:list,amqp:rejected:list]),"
                + "target:target(address:queue-b,capabilities:[queue]),initial-delivery-count:0)", summary(attach));
    }

    @Test
    void transferShowsTagInHexAndPayloadSize() {
        Transfer t = new Transfer(0L, 7L, BinaryValue.of(new byte[] {0, 0, 0, 7}), 0L, false, false, null, null, null, null, null);
        TraceFrame f = Frames.frame("c1", Direction.SENT, 0, 1, t, new byte[42]);
        assertEquals("transfer(handle:0,delivery-id:7,delivery-tag:00000007,message-format:0,settled:false,more:false)"
                + " payload 42 bytes", summary(f));
    }

    @Test
    void dispositionWithOutcomes() {
        assertEquals("disposition(role:receiver,first:0,last:3,settled:true,state:accepted())",
                summary(new Disposition(Role.RECEIVER, 0L, 3L, true, new Accepted(), null)));
        assertEquals("disposition(role:receiver,first:4,state:rejected(error:error(condition:amqp:not-found,description:no such queue)))",
                summary(new Disposition(Role.RECEIVER, 4L, null, null,
                        new Rejected(new ErrorCondition("amqp:not-found", "no such queue", null)), null)));
    }

    @Test
    void detachEndAndCloseWithErrors() {
        assertEquals("detach(handle:0,closed:true,error:error(condition:amqp:not-found,description:no such node))",
                summary(new Detach(0L, true, new ErrorCondition("amqp:not-found", "no such node", null))));
        assertEquals("end()", summary(new End(null)));
        assertEquals("close(error:error(condition:amqp:connection:forced,description:shutting down))",
                summary(new Close(new ErrorCondition("amqp:connection:forced", "shutting down", null))));
    }

    @Test
    void saslFrames() {
        assertEquals("sasl-mechanisms(mechanisms:[PLAIN,ANONYMOUS])", summary(new SaslMechanisms(List.of("PLAIN", "ANONYMOUS"))));
        assertEquals("sasl-init(mechanism:PLAIN,initial-response:0075736572007061737377,hostname:broker)",
                summary(new SaslInit("PLAIN", BinaryValue.of("\0user\0passw".getBytes(StandardCharsets.US_ASCII)), "broker")));
        assertEquals("sasl-outcome(code:ok)", summary(new SaslOutcome(SaslCode.OK, null)));
    }

    @Test
    void longBinariesShowTheirSize() {
        assertEquals("sasl-init(mechanism:PLAIN,initial-response:(40 bytes))",
                summary(new SaslInit("PLAIN", BinaryValue.of(new byte[40]), null)));
    }

    @Test
    void headersEmptyFramesAndUnknownBodies() {
        assertEquals("AMQP protocol header (protocol id 0, version 1.0.0)",
                summary(TraceFrame.header("c1", Direction.SENT, 0, ProtocolHeader.AMQP)));
        assertEquals("empty frame (heartbeat)", summary(Frames.sent("c1", 0, null)));
        assertEquals("0x99([abc])", summary(new DescribedValue(new ULongValue(0x99), ListValue.of(new SymbolValue("abc")))));
    }

    @Test
    void veryLongSummariesAreCut() {
        List<String> many = java.util.Collections.nCopies(200, "capability");
        String s = summary(new Open("c", null, null, null, null, null, null, many, null, null));
        assertEquals(FrameSummary.MAX_LENGTH, s.length());
        assertEquals('…', s.charAt(s.length() - 1));
    }
}
