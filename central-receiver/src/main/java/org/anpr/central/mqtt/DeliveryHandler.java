package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;

/**
 * The downstream half of flow control: the gantry's PUBACKs free its in-flight window, and
 * the channel's writability starts and stops both sending to it and reading from it.
 */
final class DeliveryHandler extends ChannelInboundHandlerAdapter {
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
