package org.anpr.central.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.anpr.central.operator.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler: finds the route on the event loop, then runs the gate and the handler on a
 * worker (searches and password checks never block an event loop, and the bounded worker queue
 * answers 503 rather than queueing without end). The connection stops reading until its answer
 * is written: one request at a time per connection, answers in order, and a client that floods
 * requests only fills its own socket buffer.
 */
final class ApiDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final Router router;
    private final Gate gate;
    private final ExecutorService workers;
    private final StaticFiles console;

    ApiDispatcher(Router router, Gate gate, ExecutorService workers, StaticFiles console) {
        this.router = router;
        this.gate = gate;
        this.workers = workers;
        this.console = console;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        RequestDeadline.complete(ctx);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            send(ctx, Problems.response(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: "
                    + req.decoderResult().cause().getMessage(), null, null, 0), false);
            return;
        }
        Router.Match match;
        QueryStringDecoder uri;
        try {
            uri = new QueryStringDecoder(req.uri());
            if (!uri.path().startsWith("/api/") && req.method().equals(io.netty.handler.codec.http.HttpMethod.GET)) {
                serveStatic(ctx, uri.path(), keepAlive);
                return;
            }
            match = router.resolve(req.method(), uri.path());
            Router.checkQuery(match.route(), uri.parameters());
        } catch (ApiException e) {
            send(ctx, Problems.response(e, req.uri()), keepAlive);
            return;
        } catch (IllegalArgumentException e) {
            send(ctx, Problems.response(HttpResponseStatus.BAD_REQUEST, "malformed URI: " + e.getMessage(), null, null, 0), keepAlive);
            return;
        }
        // Copied here: SimpleChannelInboundHandler releases the request when this method returns.
        byte[] body = ByteBufUtil.getBytes(req.content());
        HttpHeaders headers = req.headers().copy();
        Map<String, List<String>> query = uri.parameters();
        String path = uri.path();
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        Route route = match.route();
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                ApiResponse response;
                try {
                    Principal principal = gate.admit(route, headers, remote.getAddress().getHostAddress());
                    response = route.handler().handle(new ApiRequest(req.method(), path, match.variables(), query, headers,
                            body, remote, principal));
                } catch (ApiException e) {
                    ctx.executor().execute(() -> send(ctx, Problems.response(e, path), keepAlive));
                    return;
                } catch (Exception | Error e) {
                    String ref = UUID.randomUUID().toString();
                    LOG.error("{} {} failed (problem {})", route.method(), route.template(), ref, e);
                    ctx.executor().execute(() -> send(ctx, Problems.response(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                            "internal error; quote problem " + ref + " to the administrator", null, path, 0), keepAlive));
                    return;
                }
                ApiResponse r = response;
                ctx.executor().execute(() -> write(ctx, r, keepAlive));
            });
        } catch (RejectedExecutionException e) {
            send(ctx, Problems.response(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "the server is busy; try again shortly", null, path, 1), keepAlive);
        }
    }

    /** The console's files: small and in memory, so served right here on the event loop. */
    private void serveStatic(ChannelHandlerContext ctx, String path, boolean keepAlive) {
        StaticFiles.File f = console.find(path).orElse(null);
        if (f == null) {
            send(ctx, Problems.response(HttpResponseStatus.NOT_FOUND, "no such page: " + path, null, path, 0), keepAlive);
            return;
        }
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(f.body()));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, f.contentType());
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, f.body().length);
        SecurityHeaders.apply(out.headers());
        out.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache"); // revalidated, so an upgrade shows at once
        send(ctx, out, keepAlive);
    }

    private void write(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        if (r.stream() != null) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, r.status());
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            r.headers().forEach(head.headers()::set);
            SecurityHeaders.apply(head.headers());
            ctx.writeAndFlush(head);
            ctx.channel().config().setAutoRead(true); // to notice the client leaving
            r.stream().open(ctx.channel());
            return;
        }
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, r.status(), Unpooled.wrappedBuffer(r.body()));
        if (r.contentType() != null) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        }
        r.headers().forEach(out.headers()::set);
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        SecurityHeaders.apply(out.headers());
        send(ctx, out, keepAlive);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response).addListener(f -> ctx.channel().config().setAutoRead(true));
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
