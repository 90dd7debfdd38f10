package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections, in all and per client address: one over is closed as it arrives, before
 * it costs a TLS handshake or a buffer. The per-address map holds only addresses with open
 * connections, so it is bounded by the total cap.
 */
@ChannelHandler.Sharable
final class ConnectionCaps extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCaps.class);

    private final int total;
    private final int perAddress;
    private final ReceiverMetrics metrics;
    /** Counts connections without an IP address (in-JVM channels: the fuzz harness) under one key. */
    private static final InetAddress NO_ADDRESS = InetAddress.getLoopbackAddress();
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    ConnectionCaps(int total, int perAddress, ReceiverMetrics metrics) {
        this.total = total;
        this.perAddress = perAddress;
        this.metrics = metrics;
    }

    /** Counts the connection; false (and it must be closed) when it is over a cap. */
    boolean admit(InetAddress address) {
        int all = open.incrementAndGet();
        int here = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (all <= total && here <= perAddress) {
            return true;
        }
        release(address);
        metrics.increment(Counter.CONNECTIONS_CAPPED);
        LOG.warn("connection from {} closed: {} open in all (cap {}), {} from that address (cap {})", address, all - 1, total,
                here - 1, perAddress);
        return false;
    }

    private void release(InetAddress address) {
        open.decrementAndGet();
        byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : NO_ADDRESS;
        if (!admit(address)) {
            ctx.channel().close().addListener(f -> {
                if (!f.isSuccess()) {
                    LOG.warn("closing a capped connection failed: {}", String.valueOf(f.cause()));
                }
            });
            return;
        }
        ctx.channel().closeFuture().addListener(f -> release(address));
        ctx.fireChannelActive();
    }
}
