package org.anpr.central.config;

/** Everything the central receiver is configured with; {@link #DEFAULTS} are the embedded defaults. */
public record ReceiverConfig(MqttConfig mqtt, TlsConfig tls, AuthConfig auth, StoreConfig store, HotlistConfig hotlist,
                             RetentionConfig retention, HttpConfig http, SectionsConfig sections,
                             MetricsConfig metrics) {
    public static final ReceiverConfig DEFAULTS = new ReceiverConfig(
            MqttConfig.DEFAULTS, TlsConfig.DEFAULTS, AuthConfig.DEFAULTS, StoreConfig.DEFAULTS, HotlistConfig.DEFAULTS, RetentionConfig.DEFAULTS,
            HttpConfig.DEFAULTS, SectionsConfig.DEFAULTS, MetricsConfig.DEFAULTS);

    public ReceiverConfig withMqtt(MqttConfig m) {
        return new ReceiverConfig(m, tls, auth, store, hotlist, retention, http, sections, metrics);
    }

    public ReceiverConfig withAuth(AuthConfig a) {
        return new ReceiverConfig(mqtt, tls, a, store, hotlist, retention, http, sections, metrics);
    }

    public ReceiverConfig withStore(StoreConfig s) {
        return new ReceiverConfig(mqtt, tls, auth, s, hotlist, retention, http, sections, metrics);
    }

    public ReceiverConfig withRetention(RetentionConfig r) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, r, http, sections, metrics);
    }

    public ReceiverConfig withTls(TlsConfig t) {
        return new ReceiverConfig(mqtt, t, auth, store, hotlist, retention, http, sections, metrics);
    }

    public ReceiverConfig withSections(SectionsConfig sc) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, retention, http, sc, metrics);
    }

    public ReceiverConfig withMetrics(MetricsConfig m) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, retention, http, sections, m);
    }

    public ReceiverConfig withHttp(HttpConfig h) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, retention, h, sections, metrics);
    }
}
