package org.anpr.central.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client has {@code timeout} from the first byte of a request to its last: a client that drips
 * its headers or body (slowloris) gets 408 and is closed, while an idle keep-alive connection is
 * left to the idle timeout. Sits in front of the HTTP codec; the dispatcher calls
 * {@link #complete} when a whole request has arrived.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    static final String NAME = "deadline";
    private final long timeoutMillis;
    private ScheduledFuture<?> timer;
    private boolean inRequest;

    RequestDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf b && b.isReadable() && !inRequest) {
            inRequest = true;
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        super.channelRead(ctx, msg);
    }

    /** The request has fully arrived: stop the clock until the next one starts. */
    static void complete(ChannelHandlerContext ctx) {
        RequestDeadline d = (RequestDeadline) ctx.pipeline().get(NAME);
        if (d != null) {
            d.inRequest = false;
            if (d.timer != null) {
                d.timer.cancel(false);
                d.timer = null;
            }
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (inRequest && ctx.channel().isActive()) {
            // From the channel's tail, not this context: the answer must pass the HTTP encoder behind us.
            ctx.channel().writeAndFlush(Problems.response(HttpResponseStatus.REQUEST_TIMEOUT,
                    "the request did not arrive within " + timeoutMillis + " ms", null, null, 0))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) {
            timer.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
