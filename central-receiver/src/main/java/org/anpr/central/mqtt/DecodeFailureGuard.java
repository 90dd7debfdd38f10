package org.anpr.central.mqtt;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.util.ReferenceCountUtil;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler after the decoder. {@code MqttDecoder} never throws on a bad or oversized packet:
 * it emits a message whose decoder result is a failure and then discards the rest of the
 * connection's input. So every message is checked here, and a failed one closes its connection
 * (after the CONNACK the spec asks for, when the CONNECT itself was refused). Others go on.
 */
@ChannelHandler.Sharable
final class DecodeFailureGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeFailureGuard.class);

    private final ReceiverMetrics metrics;

    DecodeFailureGuard(ReceiverMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage m) || m.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            Throwable cause = m.decoderResult().cause();
            metrics.increment(Counter.MALFORMED_PACKETS);
            if (cause instanceof TooLongFrameException) {
                metrics.increment(Counter.OVERSIZE_PACKETS);
            }
            LOG.warn("{}: malformed MQTT packet, closing its connection: {}", ConnectionState.who(ctx.channel()), cause.toString());
            MqttConnectReturnCode refusal = cause instanceof MqttIdentifierRejectedException
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED
                    : cause instanceof MqttUnacceptableProtocolVersionException
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION : null;
            ConnectionState state = ConnectionState.of(ctx.channel());
            if (refusal != null && (state == null || !state.connected())) {
                ctx.writeAndFlush(MqttMessages.connAck(refusal, false)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
