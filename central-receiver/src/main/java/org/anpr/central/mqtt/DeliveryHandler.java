package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downstream half of flow control: the gantry's PUBACKs free its in-flight window, and
 * the channel's writability starts and stops both sending to it and reading from it. A delivery
 * left unacknowledged past the delivery timeout closes the connection: MQTT 3.1.1 resends only
 * on a new connection, and a client that never acknowledges would otherwise pin the window.
 */
final class DeliveryHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);

    private final long timeoutNanos;
    private final ReceiverMetrics metrics;
    private ScheduledFuture<?> watchdog;

    DeliveryHandler(int deliveryTimeoutSeconds, ReceiverMetrics metrics) {
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(deliveryTimeoutSeconds);
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(200), timeoutNanos / 4);
        watchdog = ctx.executor().scheduleAtFixedRate(() -> check(ctx), every, every, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    private void check(ChannelHandlerContext ctx) {
        ConnectionState state = ConnectionState.of(ctx.channel());
        long waited = state.session == null ? 0 : state.session.oldestUnackedNanos();
        if (waited > timeoutNanos && ctx.channel().isActive()) {
            metrics.increment(Counter.DELIVERY_TIMEOUTS);
            LOG.warn("gantry {}: a delivery unacknowledged for {} s (mqtt.deliveryTimeoutSeconds {}), closing; it is resent on reconnect",
                    state.gantryId, TimeUnit.NANOSECONDS.toSeconds(waited), TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage m && m.fixedHeader().messageType() == MqttMessageType.PUBACK
                && m.variableHeader() instanceof MqttMessageIdVariableHeader id) {
            try {
                ConnectionState.of(ctx.channel()).session.acked(id.messageId());
            } finally {
                ReferenceCountUtil.release(msg);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ConnectionState state = ConnectionState.of(ctx.channel());
        boolean writable = ctx.channel().isWritable();
        state.gate.set(ReadGate.Reason.UNWRITABLE, !writable);
        if (writable && state.session != null) {
            state.session.pump();
        }
        ctx.fireChannelWritabilityChanged();
    }
}
