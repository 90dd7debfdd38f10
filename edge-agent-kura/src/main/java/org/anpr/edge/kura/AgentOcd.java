package org.anpr.edge.kura;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * What Kura's web UI shows for the agent (bnd writes it to {@code OSGI-INF/metatype/org.anpr.edge.EdgeAgent.xml},
 * where Kura looks). The names are gantry.yaml's keys joined with dots; a list of mappings is one
 * array per key, one value per item ({@code cameras.id}, {@code cameras.lane}, …), the same names
 * {@code anpr provision render --format kura} writes. Everything is checked again by the agent's
 * own loader, with the same field-naming errors as for gantry.yaml. A method's {@code _} is the
 * property's {@code .}.
 */
@ObjectClassDefinition(id = EdgeAgentComponent.PID, name = "ANPR edge agent",
        description = "Number-plate recognition on this gantry: cameras, hotlist, section timing, durable outbox, MQTT to the centre.")
@interface AgentOcd {
    @AttributeDefinition(name = "Gantry id", description = "This gantry's id (topic-safe: letters, digits, . _ -; unique in the network).")
    String gantry_id();

    @AttributeDefinition(name = "Storage folder", required = false,
            description = "Folder for the outbox, hotlist and section stores (kept across restarts and updates).")
    String storage_dir() default "/opt/anpr/data";

    @AttributeDefinition(name = "Camera ids", cardinality = 16, description = "One per camera.")
    String[] cameras_id();

    @AttributeDefinition(name = "Camera lanes", cardinality = 16, min = "1", max = "64", description = "Lane each camera watches, 1 = next to the hard shoulder.")
    int[] cameras_lane();

    @AttributeDefinition(name = "Camera sources", cardinality = 16,
            description = "rtsp:// or http(s):// stream (user:password@ in the URL), /dev/videoN, a video file or image folder, or synthetic[:SEED].")
    String[] cameras_source();

    @AttributeDefinition(name = "Plate region", required = false, options = {
        @Option(label = "Europe", value = "eu"), @Option(label = "Brazil", value = "br"), @Option(label = "United States", value = "us")})
    String recognition_region() default "eu";

    @AttributeDefinition(name = "Recognition workers", required = false, min = "1", max = "256",
            description = "Recognition threads; empty = one per core.")
    int recognition_workers();

    @AttributeDefinition(name = "Plate readers", required = false,
            description = "Character readers run on every plate and pooled, comma separated: tesseract, plate, glyphs, neural; empty = neural (the bundled model).")
    String recognition_readers();

    @AttributeDefinition(name = "Hotlist alert minimum confidence", required = false, min = "0", max = "1",
            description = "A hotlist match read less sure than this raises no alert (it is still sent as a read); 0 = every match alerts.")
    double hotlist_alertMinConfidence() default 0;

    @AttributeDefinition(name = "Alert beacon pin", required = false, min = "0", max = "27",
            description = "BCM pin of a GPIO output pulsed on hotlist alerts; empty = no beacon.")
    int alertOutput_bcmPin();

    @AttributeDefinition(name = "Alert beacon pulse (ms)", required = false, min = "10", max = "600000")
    int alertOutput_pulseMillis() default 2000;

    @AttributeDefinition(name = "Alert beacon lowest priority", required = false, min = "1", max = "9",
            description = "Alerts of this priority number or more urgent (lower) light the beacon.")
    int alertOutput_maxPriority() default 9;

    @AttributeDefinition(name = "Management address", required = false, description = "Where the technicians' CoAP/DTLS endpoint listens.")
    String management_bind() default "0.0.0.0";

    @AttributeDefinition(name = "Management port", required = false, min = "0", max = "65535", description = "UDP port (coaps).")
    int management_port() default 5684;

    @AttributeDefinition(name = "Technician key identities", required = false, cardinality = 8,
            description = "DTLS PSK identities accepted; empty = no management endpoint.")
    String[] management_psk_identity();

    @AttributeDefinition(name = "Technician keys", required = false, cardinality = 8, type = AttributeType.PASSWORD,
            description = "The keys, as 32+ hex digits, one per identity ('anpr provision keys' makes them).")
    String[] management_psk_keyHex();

    @AttributeDefinition(name = "GPIO loopback names", required = false, cardinality = 4)
    String[] management_loopbacks_name();

    @AttributeDefinition(name = "GPIO loopback outputs", required = false, cardinality = 4, min = "0", max = "27",
            description = "BCM output each commissioning self-test drives.")
    int[] management_loopbacks_drive();

    @AttributeDefinition(name = "GPIO loopback inputs", required = false, cardinality = 4, min = "0", max = "27",
            description = "BCM input that must follow it.")
    int[] management_loopbacks_sense();

    @AttributeDefinition(name = "GPIO loopbacks inverted", required = false, cardinality = 4)
    boolean[] management_loopbacks_inverted();

    @AttributeDefinition(name = "Section ids", required = false, cardinality = 16)
    String[] sections_id();

    @AttributeDefinition(name = "Section entry gantries", required = false, cardinality = 16)
    String[] sections_entry_gantry();

    @AttributeDefinition(name = "Section entry cameras", required = false, cardinality = 16, description = "Empty = any camera.")
    String[] sections_entry_camera();

    @AttributeDefinition(name = "Section exit gantries", required = false, cardinality = 16)
    String[] sections_exit_gantry();

    @AttributeDefinition(name = "Section exit cameras", required = false, cardinality = 16, description = "Empty = any camera.")
    String[] sections_exit_camera();

    @AttributeDefinition(name = "Section distances (m)", required = false, cardinality = 16)
    double[] sections_distanceM();

    @AttributeDefinition(name = "Section distance uncertainties (m)", required = false, cardinality = 16)
    double[] sections_distanceUncertaintyM();

    @AttributeDefinition(name = "Section speed limits (km/h)", required = false, cardinality = 16)
    double[] sections_speedLimitKmh();

    @AttributeDefinition(name = "Section margin countries", required = false, cardinality = 16)
    String[] sections_margin_country();

    @AttributeDefinition(name = "Section margins, absolute (km/h)", required = false, cardinality = 16)
    double[] sections_margin_absoluteKmh();

    @AttributeDefinition(name = "Section margins, threshold (km/h)", required = false, cardinality = 16)
    double[] sections_margin_thresholdKmh();

    @AttributeDefinition(name = "Section margins, percent", required = false, cardinality = 16)
    double[] sections_margin_percent();

    @AttributeDefinition(name = "Lowest confidence for section timing", required = false, min = "0", max = "1")
    double sectionRules_minConfidence() default 0.8;

    @AttributeDefinition(name = "Unmatched passage lifetime (h)", required = false, min = "1", max = "72")
    int sectionRules_passageTtlHours() default 24;

    @AttributeDefinition(name = "Violation signing key", required = false,
            description = "Ed25519 private key file (PKCS#8 PEM, from ./anpr agent signing-key) that signs each violation.")
    String sectionRules_signingKeyFile();

    @AttributeDefinition(name = "Clock source", required = false, options = {
        @Option(label = "chrony", value = "chrony"), @Option(label = "none (tests only)", value = "none")})
    String clock_source() default "chrony";

    @AttributeDefinition(name = "Clock error bound (µs)", required = false, min = "1", max = "10000000",
            description = "Largest clock error at which section violations are still issued.")
    long clock_syncBoundMicros() default 100_000;

    @AttributeDefinition(name = "Overview images", required = false,
            description = "Also send a JPEG of the whole frame with each read (~150-250 kB each at 1280 px: see the README).")
    boolean evidence_overview() default false;

    @AttributeDefinition(name = "Overview width (px)", required = false, min = "160", max = "8192")
    int evidence_overviewMaxWidth() default 1280;

    @AttributeDefinition(name = "Overview JPEG quality", required = false, min = "10", max = "100")
    int evidence_overviewQuality() default 70;

    @AttributeDefinition(name = "Plate crop JPEG quality", required = false, min = "10", max = "100")
    int evidence_cropQuality() default 90;

    @AttributeDefinition(name = "Prometheus endpoint", required = false,
            description = "Serve GET /metrics (Prometheus text format) on the address and port below. No login: keep it on loopback.")
    boolean metrics_enabled() default false;

    @AttributeDefinition(name = "Prometheus endpoint address", required = false)
    String metrics_host() default "127.0.0.1";

    @AttributeDefinition(name = "Prometheus endpoint port", required = false, min = "0", max = "65535")
    int metrics_port() default 9465;

    @AttributeDefinition(name = "Outbox limit (bytes)", required = false, min = "1048576")
    long outbox_maxBytes() default 1L << 30;

    @AttributeDefinition(name = "Outbox free-space reserve (bytes)", required = false, min = "0",
            description = "Below this much free space on the outbox's volume, images of ordinary reads are shed.")
    long outbox_minFreeBytes() default 64L << 20;

    @AttributeDefinition(name = "Broker URI", description = "tcp://host:port or ssl://host:port of the central receiver.")
    String mqtt_serverUri();

    @AttributeDefinition(name = "MQTT client id", required = false, description = "Empty = the gantry id.")
    String mqtt_clientId();

    @AttributeDefinition(name = "MQTT user", required = false)
    String mqtt_username();

    @AttributeDefinition(name = "MQTT password", required = false, type = AttributeType.PASSWORD)
    String mqtt_password();

    @AttributeDefinition(name = "TLS key store", required = false, description = "PKCS#12 with this gantry's client certificate.")
    String mqtt_tls_keyStore();

    @AttributeDefinition(name = "TLS key store password", required = false, type = AttributeType.PASSWORD)
    String mqtt_tls_keyStorePassword();

    @AttributeDefinition(name = "TLS trust store", required = false, description = "PKCS#12 with the CA of the broker's certificate.")
    String mqtt_tls_trustStore();

    @AttributeDefinition(name = "TLS trust store password", required = false, type = AttributeType.PASSWORD)
    String mqtt_tls_trustStorePassword();
}
