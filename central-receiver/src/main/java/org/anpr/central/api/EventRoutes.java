package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.EventStream;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;

/**
 * The live stream (Server-Sent Events): {@code alert}, {@code alert-acknowledged},
 * {@code gantry-online}, {@code gantry-offline}, {@code violation}. A reconnecting client sends
 * {@code Last-Event-ID} (browsers do on their own) or {@code ?after=} and misses nothing.
 */
final class EventRoutes {
    private final ApiContext ctx;

    EventRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(Route.of(GET, "/api/v1/events", "events", "Live events as text/event-stream")
                .roles(Role.OPERATIONS)
                .params(QueryParam.integer("after", "replay events after this id (else the Last-Event-ID header; else only new ones)"))
                .handler(this::stream));
    }

    private ApiResponse stream(ApiRequest r) throws Exception {
        Long after = r.param("after") == null ? null : r.longParam("after", 0, 0, Long.MAX_VALUE);
        String last = r.header("Last-Event-ID");
        if (after == null && last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Last-Event-ID", "Last-Event-ID must be an event id this stream gave out");
            }
        }
        EventStream stream = ctx.events().subscribe(after);
        if (stream == null) {
            throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "too many live streams are open", null);
        }
        return ApiResponse.stream(stream);
    }
}
