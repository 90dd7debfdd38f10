package org.anpr.device.coap.server;

import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryManagement;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /config}: GET returns the active config bytes; PUT hands new bytes to the gantry, which
 * validates and applies them atomically (2.04) or rejects them (4.00 with the reason as text).
 */
final class ConfigResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigResource.class);

    private final GantryManagement gantry;
    private final int maxBytes;

    ConfigResource(GantryManagement gantry, int maxBytes) {
        super("config");
        this.gantry = gantry;
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        exchange.respond(ResponseCode.CONTENT, gantry.config(), MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        byte[] body = exchange.getRequestPayload();
        // the blockwise layer enforces the same limit on block1 transfers; this covers single datagrams
        if (body.length > maxBytes) {
            exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "config exceeds " + maxBytes + " bytes");
            return;
        }
        if (body.length == 0) {
            exchange.respond(ResponseCode.BAD_REQUEST, "empty config");
            return;
        }
        ConfigResult result;
        try {
            synchronized (this) { // one apply at a time: validate-and-swap must not interleave
                result = gantry.applyConfig(body);
            }
        } catch (RuntimeException e) {
            LOG.warn("applyConfig failed", e);
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "config apply failed: " + e.getClass().getSimpleName());
            return;
        }
        if (result.applied()) {
            exchange.respond(ResponseCode.CHANGED);
        } else {
            exchange.respond(ResponseCode.BAD_REQUEST, result.reason());
        }
    }
}
