package org.anpr.central.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fixed header of a connection's first packet and closes the connection when it announces
 * a CONNECT larger than {@code mqtt.maxConnectBytes}, before the decoder buffers a byte of it. The
 * decoder's own limit is the 4 MiB message limit, which an unauthenticated client must not be able
 * to make the receiver hold. Once the header is seen this handler passes every byte on unchanged and
 * removes itself; a first packet that is not a CONNECT is left to {@link ConnectHandler} to refuse.
 *
 * <p>Owns the bytes it holds while the header is incomplete (at most five) and releases them on removal.
 */
final class ConnectSizeLimit extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectSizeLimit.class);
    /** Fixed header: one type byte and a remaining length of one to four bytes. */
    private static final int MAX_FIXED_HEADER = 5;
    private static final int CONNECT = 1;

    private final int maxConnectBytes;
    private final ReceiverMetrics metrics;
    private ByteBuf head;

    ConnectSizeLimit(int maxConnectBytes, ReceiverMetrics metrics) {
        this.maxConnectBytes = maxConnectBytes;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf bytes = in;
        if (head != null) {
            bytes = ctx.alloc().buffer(head.readableBytes() + in.readableBytes()).writeBytes(head).writeBytes(in);
            head.release();
            in.release();
            head = null;
        }
        long announced = announcedConnectSize(bytes);
        if (announced == INCOMPLETE) {
            head = bytes; // wait for the rest of the header
            return;
        }
        if (announced > maxConnectBytes) {
            bytes.release();
            metrics.increment(Counter.OVERSIZE_PACKETS);
            metrics.increment(Counter.CONNECTIONS_REFUSED);
            LOG.warn("client {}: CONNECT of {} bytes announced, more than mqtt.maxConnectBytes ({}), closing",
                    ctx.channel().remoteAddress(), announced, maxConnectBytes);
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(bytes);
    }

    private static final long INCOMPLETE = -1;
    private static final long NOT_CONNECT = -2;

    /** The CONNECT's total size as its fixed header announces, {@link #INCOMPLETE}, or {@link #NOT_CONNECT}. */
    private static long announcedConnectSize(ByteBuf b) {
        int r = b.readerIndex();
        if (b.readableBytes() < 1) {
            return INCOMPLETE;
        }
        if ((b.getUnsignedByte(r) >> 4) != CONNECT) {
            return NOT_CONNECT;
        }
        long remaining = 0;
        for (int i = 1; i < MAX_FIXED_HEADER; i++) {
            if (b.readableBytes() <= i) {
                return INCOMPLETE;
            }
            int digit = b.getUnsignedByte(r + i);
            remaining |= (long) (digit & 0x7F) << (7 * (i - 1));
            if ((digit & 0x80) == 0) {
                return remaining + i + 1;
            }
        }
        return Long.MAX_VALUE; // a fifth continuation byte: malformed, and no CONNECT of ours
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (head != null) {
            head.release();
            head = null;
        }
    }
}
