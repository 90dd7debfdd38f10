package org.anpr.central.http;

import io.netty.channel.Channel;

/**
 * A response that stays open: once the headers are written, the connection belongs to the stream,
 * which writes events to it on its own schedule and must respect {@link Channel#isWritable()}.
 */
@FunctionalInterface
public interface EventStream {
    /** Called on the channel's event loop after the response headers went out. */
    void open(Channel channel);
}
