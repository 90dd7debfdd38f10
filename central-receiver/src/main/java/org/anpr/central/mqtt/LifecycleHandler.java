package org.anpr.central.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.anpr.central.ingest.Ingestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a connection: detach the session, mark the gantry offline, and publish its will
 * (an OFFLINE status) unless it said DISCONNECT. A connection taken over by a newer one of the
 * same gantry does neither: the gantry is still there.
 */
final class LifecycleHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleHandler.class);

    private final SessionRegistry sessions;
    private final Ingestor ingestor;

    LifecycleHandler(SessionRegistry sessions, Ingestor ingestor) {
        this.sessions = sessions;
        this.ingestor = ingestor;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ConnectionState state = ConnectionState.of(ctx.channel());
        if (state != null && state.connected() && sessions.disconnect(state.session, ctx.channel())) {
            LOG.info("gantry {} disconnected{}", state.gantryId, state.cleanDisconnect ? "" : " without DISCONNECT");
            if (!state.cleanDisconnect && state.will != null) {
                ingestor.ingest(state.gantryId, state.will.topic(), state.will.payload());
            }
            ingestor.presence(state.gantryId, false);
        }
        ctx.fireChannelInactive();
    }
}
