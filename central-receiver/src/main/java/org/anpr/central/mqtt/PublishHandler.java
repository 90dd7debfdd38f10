package org.anpr.central.mqtt;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.CompletableFuture;
import org.anpr.central.auth.TopicAcl;
import org.anpr.central.ingest.Ingestor;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.protocol.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound PUBLISH: ACL, then ingest; the PUBACK is sent by the {@link AckSequencer} once the
 * store has committed. MQTT 3.1.1 has no negative PUBACK, so a publish the ACL refuses (another
 * gantry's topic, a downstream topic) or QoS 2 (not in the contract) closes the connection: not
 * acknowledging it would only make the client resend it forever.
 *
 * <p>Buffer ownership: the decoder hands over the message with its payload buffer; this handler
 * copies the bytes (protobuf and the BLOB columns want a byte[]) and releases the message itself
 * in every branch, so nothing downstream holds a reference.
 */
final class PublishHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);

    private final Ingestor ingestor;
    private final ReceiverMetrics metrics;

    PublishHandler(Ingestor ingestor, ReceiverMetrics metrics) {
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttPublishMessage publish)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ConnectionState state = ConnectionState.of(ctx.channel());
        try {
            String name = publish.variableHeader().topicName();
            Topic topic = TopicAcl.publishable(state.gantryId, name);
            if (topic == null) {
                metrics.increment(Counter.ACL_DENIALS);
                LOG.warn("gantry {}: may not publish to '{}', closing", state.gantryId, name);
                ctx.close();
                return;
            }
            MqttQoS qos = publish.fixedHeader().qosLevel();
            if (qos == MqttQoS.EXACTLY_ONCE) {
                LOG.warn("gantry {}: QoS 2 on {} is not part of the contract, closing", state.gantryId, name);
                ctx.close();
                return;
            }
            byte[] payload = ByteBufUtil.getBytes(publish.payload());
            CompletableFuture<Void> stored;
            try {
                stored = ingestor.ingest(state.gantryId, topic, payload);
            } catch (RuntimeException e) {
                // A bug, not the sender's fault; closing keeps the PUBACK order intact and the message un-acknowledged.
                LOG.error("gantry {}: ingest of a message on {} failed, closing", state.gantryId, name, e);
                ctx.close();
                return;
            }
            AckSequencer.Slot slot = state.acks.expect(qos == MqttQoS.AT_LEAST_ONCE ? publish.variableHeader().packetId() : 0);
            stored.whenComplete((ok, failure) -> {
                if (failure == null) {
                    state.acks.committed(slot); // batched per connection: one event-loop task and flush per commit
                } else {
                    ctx.executor().execute(() -> {
                        LOG.error("gantry {}: store failed, closing so the client redelivers: {}", state.gantryId, failure.toString());
                        ctx.close();
                    });
                }
            });
        } finally {
            publish.release();
        }
    }
}
