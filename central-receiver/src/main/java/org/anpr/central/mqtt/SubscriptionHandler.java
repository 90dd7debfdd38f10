package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.auth.TopicAcl;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.protocol.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE / UNSUBSCRIBE. A filter the ACL refuses gets 0x80 in the SUBACK (the connection
 * stays). Downstream messages always travel at QoS 1 (the contract's topics are all QoS 1, and a
 * hotlist or a passage must not be lost), so QoS 1 is what is granted: a QoS 2 request gets 1 (a
 * server may grant less), and a QoS 0 request gets 0x80, since 3.1.1 forbids delivering above the
 * granted QoS. Listeners hear about a new subscription after the SUBACK, so held messages follow
 * it on the wire.
 */
final class SubscriptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHandler.class);

    private final SessionRegistry sessions;
    private final ReceiverMetrics metrics;

    SubscriptionHandler(SessionRegistry sessions, ReceiverMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ConnectionState state = ConnectionState.of(ctx.channel());
        if (msg instanceof MqttSubscribeMessage sub) {
            try {
                subscribe(ctx, state, sub);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        } else if (msg instanceof MqttUnsubscribeMessage unsub) {
            try {
                for (String filter : unsub.payload().topics()) {
                    Topic t = TopicAcl.subscribable(state.gantryId, filter);
                    if (t != null) {
                        state.session.subscriptions().remove(t);
                    }
                }
                ctx.writeAndFlush(MqttMessageBuilders.unsubAck().packetId(unsub.variableHeader().messageId()).build());
            } finally {
                ReferenceCountUtil.release(msg);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void subscribe(ChannelHandlerContext ctx, ConnectionState state, MqttSubscribeMessage sub) {
        List<MqttQoS> granted = new ArrayList<>();
        List<Topic> accepted = new ArrayList<>();
        for (MqttTopicSubscription s : sub.payload().topicSubscriptions()) {
            Topic t = TopicAcl.subscribable(state.gantryId, s.topicFilter());
            if (t == null) {
                metrics.increment(Counter.ACL_DENIALS);
                LOG.warn("gantry {}: may not subscribe to '{}'", state.gantryId, s.topicFilter());
                granted.add(MqttQoS.FAILURE);
            } else if (s.qualityOfService() == MqttQoS.AT_MOST_ONCE) {
                metrics.increment(Counter.QOS0_SUBSCRIPTIONS_REFUSED);
                LOG.warn("gantry {}: subscription to '{}' at QoS 0 refused: downstream messages are QoS 1, subscribe at QoS 1",
                        state.gantryId, s.topicFilter());
                granted.add(MqttQoS.FAILURE);
            } else {
                granted.add(MqttQoS.AT_LEAST_ONCE);
                accepted.add(t);
            }
        }
        // Recorded before the SUBACK (3.1.1 lets matching PUBLISHes precede it), announced after.
        accepted.forEach(t -> state.session.subscriptions().add(t));
        ctx.writeAndFlush(MqttMessageBuilders.subAck().packetId(sub.variableHeader().messageId())
                .addGrantedQoses(granted.toArray(MqttQoS[]::new)).build());
        accepted.forEach(t -> sessions.announceReady(state.session, t));
    }
}
