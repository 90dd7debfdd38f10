package org.anpr.central.api;

import java.time.Clock;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.audit.Purpose;
import org.anpr.central.config.HttpConfig;
import org.anpr.central.fleet.GantryDirectory;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.live.EventHub;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.Json;
import org.anpr.central.operator.ApiTokens;
import org.anpr.central.operator.LoginThrottle;
import org.anpr.central.operator.OperatorAccounts;
import org.anpr.central.operator.OperatorGate;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.OperatorSessions;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/** What the API's route groups share: the database, accounts, sessions, audit, the clock and the receiver's live parts. */
public record ApiContext(HttpConfig config, Clock clock, CentralDatabase db, OperatorAccounts accounts, ApiTokens tokens,
                         OperatorSessions sessions, LoginThrottle throttle, OperatorPasswords passwords, OperatorGate gate,
                         AuditLog audit, CentralHotlist hotlist, EventHub events, GantryDirectory gantries) {
    public long nowMicros() {
        return clock.millis() * 1000;
    }

    /** Records what {@code request}'s caller did; {@code detail} is JSON text. */
    public void audit(ApiRequest request, String action, String target, Purpose purpose, String detail) throws StoreException {
        audit.append(new AuditLog.Event(request.principal(), request.address(), action, target, purpose, detail), nowMicros());
    }

    /** The query string as JSON, for the audit of a search. */
    public static String queryDetail(ApiRequest request) {
        var o = Json.object();
        request.query().forEach((k, v) -> {
            if (!k.equals("reason") && !k.equals("case")) {
                o.put(k, String.join(",", v));
            }
        });
        return Json.text(o);
    }
}
