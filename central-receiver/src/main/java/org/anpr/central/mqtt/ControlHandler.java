package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the inbound chain: PINGREQ, DISCONNECT, the idle watchdog, and anything no earlier
 * handler took (QoS 2 flow, server-bound packets a client must not send): that closes.
 */
final class ControlHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    private final ReceiverMetrics metrics;

    ControlHandler(ReceiverMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            MqttMessageType type = ((MqttMessage) msg).fixedHeader().messageType();
            switch (type) {
                case PINGREQ -> ctx.writeAndFlush(MqttMessages.pingResp());
                case DISCONNECT -> {
                    ConnectionState.of(ctx.channel()).cleanDisconnect = true; // no will
                    ctx.close();
                }
                default -> {
                    LOG.warn("{}: unexpected {}, closing", ConnectionState.who(ctx.channel()), type);
                    ctx.close();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (ConnectionState.of(ctx.channel()).gate.paused()) {
                return; // we are not reading it (backpressure): its PINGREQs wait in the socket
            }
            metrics.increment(Counter.IDLE_DISCONNECTS);
            LOG.warn("{}: silent past its keep-alive (or never sent CONNECT), closing", ConnectionState.who(ctx.channel()));
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{}: {}, closing", ConnectionState.who(ctx.channel()), cause.toString());
        ctx.close();
    }
}
