package org.anpr.device.coap.server;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Answers 4.29 Too Many Requests, with Max-Age = seconds until the next token, to a peer that has
 * used up its bucket; before any resource runs. Observe notifications are not requests and are
 * not limited.
 */
final class RateLimitingDeliverer extends ServerMessageDeliverer {

    private final RateLimiter<InetSocketAddress> limiter;

    RateLimitingDeliverer(Resource root, Configuration cfg, RateLimiter<InetSocketAddress> limiter) {
        super(root, cfg);
        this.limiter = limiter;
    }

    @Override
    protected boolean preDeliverRequest(Exchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getSourceContext().getPeerAddress();
        if (limiter.tryAcquire(peer)) {
            return false;
        }
        Response r = new Response(ResponseCode.TOO_MANY_REQUESTS);
        r.getOptions().setMaxAge(Math.max(1, limiter.secondsUntilToken(peer)));
        r.setPayload("rate limit exceeded");
        exchange.sendResponse(r);
        return true;
    }
}
