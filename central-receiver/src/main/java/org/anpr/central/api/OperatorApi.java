package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.config.ConfigException;
import org.anpr.central.fleet.GantryDirectory;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.live.EventHub;
import org.anpr.central.search.ReadSearch;
import org.anpr.central.store.EventRows;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.HttpApiServer;
import org.anpr.central.http.OpenApi;
import org.anpr.central.http.Route;
import org.anpr.central.http.Router;
import org.anpr.central.operator.ApiTokens;
import org.anpr.central.operator.LoginThrottle;
import org.anpr.central.operator.OperatorAccounts;
import org.anpr.central.operator.OperatorGate;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.OperatorSessions;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/**
 * The operators' HTTP API, assembled: its database connections and tables, accounts, sessions,
 * audit, every route group, and the server. The receiver owns one and closes it first.
 */
public final class OperatorApi implements AutoCloseable {
    public static final String VERSION = "1.0.0";
    /** Failed sign-ins allowed before the back-off starts: per account, per address. */
    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;

    /** Live event streams open at once. */
    static final int MAX_STREAMS = 500;

    private final CentralDatabase db;
    private final EventHub events;
    private final ReadSearch search;
    private final ApiContext ctx;
    private final Router router = new Router();
    private final HttpApiServer server;

    /** @param tls the HTTPS context, or null for plain HTTP */
    public OperatorApi(ReceiverConfig config, SslContext tls, Clock clock, CentralHotlist hotlist) throws StoreException, ConfigException {
        GantryDirectory gantries = GantryDirectory.load(config.http().gantriesFile());
        // One connection per worker, one for the event hub.
        this.db = CentralDatabase.open(config.store(), config.http().workerThreads() + 1, schema());
        try {
            this.events = new EventHub(db, MAX_STREAMS);
            this.search = ReadSearch.open(config.store());
        } catch (StoreException e) {
            db.close();
            throw e;
        }
        OperatorSessions sessions = new OperatorSessions(clock, config.http().sessionIdle(), config.http().sessionMaxAge(),
                config.http().maxSessions());
        ApiTokens tokens = new ApiTokens(db);
        OperatorGate gate = new OperatorGate(sessions, tokens, clock);
        this.ctx = new ApiContext(config.http(), clock, db, new OperatorAccounts(db), tokens, sessions,
                new LoginThrottle(clock, FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS), new OperatorPasswords(), gate,
                new AuditLog(db), hotlist, events, gantries);
        router.add(new SessionRoutes(ctx).routes())
                .add(new OperatorRoutes(ctx).routes())
                .add(new AuditRoutes(ctx).routes())
                .add(new AlertRoutes(ctx).routes())
                .add(new EventRoutes(ctx).routes())
                .add(new FleetRoutes(ctx).routes())
                .add(new HotlistRoutes(ctx).routes())
                .add(new ReadRoutes(ctx, search).routes())
                .add(new ViolationRoutes(ctx).routes())
                .add(new StatsRoutes(ctx, search).routes());
        router.add(List.of(Route.of(GET, "/api/v1/openapi.json", "meta", "This document").open()
                .handler(r -> ApiResponse.json(OpenApi.document(router.routes(), VERSION)))));
        this.server = new HttpApiServer(config.http(), tls, router, gate);
    }

    /** Every table the API itself owns. */
    public static List<String> schema() {
        List<String> all = new ArrayList<>();
        all.add(EventRows.SCHEMA); // also made by the writer; here for a store the writer has not opened yet
        all.addAll(OperatorAccounts.SCHEMA);
        all.addAll(ApiTokens.SCHEMA);
        all.addAll(AuditLog.SCHEMA);
        return all;
    }

    public int listen() throws InterruptedException {
        events.start();
        return server.listen();
    }

    /** Something was committed that may have produced live events. */
    public void committed() {
        events.wake();
    }

    public Router router() {
        return router;
    }

    public ApiContext context() {
        return ctx;
    }

    @Override
    public void close() {
        server.close();
        events.close();
        search.close();
        db.close();
    }
}
