package org.anpr.central.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * The size limit of a request body, chosen from its route before the body is buffered: JSON bodies
 * get {@code maxBodyBytes}, CSV uploads {@code maxUploadBytes}. An announced or actual excess is
 * answered with 413 and the connection closed, without reading the rest into memory.
 */
final class BodyLimit extends ChannelInboundHandlerAdapter {
    private final Router router;
    private final int maxBody;
    private final int maxUpload;
    private long limit;
    private long seen;
    private boolean discarding;

    BodyLimit(Router router, int maxBody, int maxUpload) {
        this.router = router;
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (discarding) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            limit = limitFor(req);
            seen = 0;
            String announced = req.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            if (announced != null) {
                try {
                    if (Long.parseLong(announced.trim()) > limit) {
                        refuse(ctx, msg);
                        return;
                    }
                } catch (NumberFormatException e) {
                    // the aggregator answers a malformed Content-Length
                }
            }
        }
        if (msg instanceof HttpContent c) {
            seen += c.content().readableBytes();
            if (seen > limit) {
                refuse(ctx, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private long limitFor(HttpRequest req) {
        try {
            Router.Match m = router.resolve(req.method(), new QueryStringDecoder(req.uri()).path());
            return m.route().body() == Route.Body.CSV ? maxUpload : maxBody;
        } catch (ApiException | IllegalArgumentException e) {
            return maxBody; // the dispatcher answers the unknown path
        }
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        discarding = !(msg instanceof LastHttpContent);
        ctx.writeAndFlush(Problems.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "the request body is larger than " + limit + " bytes, the limit of this endpoint", null, null, 0))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
