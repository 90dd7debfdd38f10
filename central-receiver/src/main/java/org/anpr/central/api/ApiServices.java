package org.anpr.central.api;

import java.util.List;
import org.anpr.central.http.Route;

/**
 * The route groups over the receiver's live parts (reads, alerts, fleet, hotlist, events), given
 * the API's shared context; the receiver supplies them, so that this package does not reach
 * into ingest.
 */
@FunctionalInterface
public interface ApiServices {
    List<List<Route>> routes(ApiContext ctx);

    ApiServices NONE = ctx -> List.of();
}
