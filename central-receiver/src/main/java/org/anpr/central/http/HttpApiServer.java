package org.anpr.central.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.central.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoint, on event loops of its own so that no HTTP client shares a thread
 * with MQTT ingest. Pipeline per connection, one job per handler:
 *
 * <pre>
 * tls        SslHandler          with http.tls only
 * limit      ConnectionLimit     at most http.maxConnections open
 * idle       IdleStateHandler    no traffic for http.idleTimeout closes
 * deadline   RequestDeadline     first byte to last within http.requestTimeout, else 408
 * codec      HttpServerCodec     bounded request line and headers
 * body       BodyLimit           413 beyond the route's body limit, before buffering
 * aggregate  HttpObjectAggregator
 * flow       FlowControlHandler  one request at a time even when several arrived in one read (pipelining)
 * dispatch   ApiDispatcher       route, then gate and handler on a bounded worker pool
 * </pre>
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    private static final int MAX_INITIAL_LINE = 8 << 10;
    private static final int MAX_HEADERS = 16 << 10;

    private final HttpConfig config;
    private final SslContext tls;
    private final Router router;
    private final Gate gate;
    private final ConnectionLimit limit;
    private final StaticFiles console = new StaticFiles("console");
    private final ThreadPoolExecutor workers;
    private final ChannelGroup channels = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup loops;
    private Channel listener;

    /** @param tls the HTTPS context, or null for plain HTTP */
    public HttpApiServer(HttpConfig config, SslContext tls, Router router, Gate gate) {
        this.config = config;
        this.tls = tls;
        this.router = router;
        this.gate = gate;
        this.limit = new ConnectionLimit(config.maxConnections());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queuedRequests()), r -> {
                    Thread t = new Thread(() -> {
                        WorkerPriority.lowerCurrentThread(config.workerNice());
                        r.run();
                    }, "http-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** @return the port bound */
    public synchronized int listen() throws InterruptedException {
        boss = new NioEventLoopGroup(1);
        loops = new NioEventLoopGroup(2);
        ServerBootstrap b = new ServerBootstrap().group(boss, loops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        if (tls != null) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline()
                                .addLast("limit", limit)
                                .addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(RequestDeadline.NAME, new RequestDeadline(config.requestTimeout().toMillis()))
                                .addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8 << 10))
                                .addLast("body", new BodyLimit(router, config.maxBodyBytes(), config.maxUploadBytes()))
                                .addLast("aggregate", new HttpObjectAggregator(Math.max(config.maxBodyBytes(), config.maxUploadBytes())))
                                .addLast("flow", new FlowControlHandler())
                                .addLast("dispatch", new ApiDispatcher(router, gate, workers, console));
                    }
                });
        listener = b.bind(config.host(), config.port()).sync().channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        LOG.info("Operators' API listening on {}://{}:{}/api/v1", tls != null ? "https" : "http", config.host(), port);
        return port;
    }

    /** Open HTTP connections now (tests and metrics). */
    public int openConnections() {
        return limit.open();
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        workers.shutdownNow();
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
