package org.anpr.device.coap.server;

import java.util.function.Supplier;
import org.anpr.device.coap.api.ManagementJson;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource answering one method (GET for read-outs, POST for actions such as test shots) with
 * the JSON of a management callback. A failing callback gets 5.00 with a short message; details
 * stay in the gantry log.
 */
final class JsonResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(JsonResource.class);

    private final boolean post;
    private final Supplier<?> supplier;

    private JsonResource(String name, boolean post, boolean observable, Supplier<?> supplier) {
        super(name);
        this.post = post;
        this.supplier = supplier;
        setObservable(observable);
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_JSON);
        if (observable) {
            getAttributes().setObservable();
        }
    }

    static JsonResource get(String name, Supplier<?> supplier) {
        return new JsonResource(name, false, false, supplier);
    }

    static JsonResource observable(String name, Supplier<?> supplier) {
        return new JsonResource(name, false, true, supplier);
    }

    static JsonResource post(String name, Supplier<?> supplier) {
        return new JsonResource(name, true, false, supplier);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        if (post) {
            exchange.respond(ResponseCode.METHOD_NOT_ALLOWED);
        } else {
            answer(exchange);
        }
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        if (post) {
            answer(exchange, ResponseCode.CHANGED);
        } else {
            exchange.respond(ResponseCode.METHOD_NOT_ALLOWED);
        }
    }

    private void answer(CoapExchange exchange) {
        answer(exchange, ResponseCode.CONTENT);
    }

    private void answer(CoapExchange exchange, ResponseCode ok) {
        byte[] json;
        try {
            json = ManagementJson.encode(supplier.get());
        } catch (RuntimeException e) {
            LOG.warn("management callback for /{} failed", getName(), e);
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, getName() + " failed: " + e.getClass().getSimpleName());
            return;
        }
        exchange.respond(ok, json, MediaTypeRegistry.APPLICATION_JSON);
    }
}
