package org.anpr.central.http;

import io.netty.handler.codec.http.HttpHeaders;
import org.anpr.central.operator.Principal;

/** Who is calling and whether they may: authentication, the role check and CSRF, before any handler runs. */
@FunctionalInterface
public interface Gate {
    /**
     * @return the caller, or null on an open route without credentials
     * @throws ApiException 401 without valid credentials, 403 for a role the route does not allow or a missing CSRF token
     */
    Principal admit(Route route, HttpHeaders headers, String address) throws ApiException;
}
