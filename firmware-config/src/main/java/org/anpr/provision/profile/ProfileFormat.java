package org.anpr.provision.profile;

import static org.anpr.provision.schema.ScalarSpec.bool;
import static org.anpr.provision.schema.ScalarSpec.id;
import static org.anpr.provision.schema.ScalarSpec.integer;
import static org.anpr.provision.schema.ScalarSpec.number;
import static org.anpr.provision.schema.ScalarSpec.oneOf;
import static org.anpr.provision.schema.ScalarSpec.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anpr.provision.schema.ChoiceSpec;
import org.anpr.provision.schema.JsonSchemaWriter;
import org.anpr.provision.schema.ListSpec;
import org.anpr.provision.schema.ObjectSpec;
import org.anpr.provision.schema.ScalarSpec;

/**
 * The provisioning profile format, written once: {@code SpecChecker} validates YAML against it
 * and {@link #jsonSchema()} publishes it (resource {@code org/anpr/provision/gantry-profile.schema.json}).
 * Defaults come from the model records' constants.
 */
public final class ProfileFormat {
    public static final String SCHEMA_ID = "urn:org.anpr:provision:gantry-profile:v1";
    public static final String SCHEMA_RESOURCE = "/org/anpr/provision/gantry-profile.schema.json";
    private static final int BCM_MAX = GpioPinMap.MAX_BCM_PIN;

    public static final ObjectSpec ROOT = root();

    private ProfileFormat() {
    }

    public static ObjectNode jsonSchema() {
        return JsonSchemaWriter.schema(ROOT, SCHEMA_ID, "ANPR gantry provisioning profile");
    }

    private static ObjectSpec root() {
        return ObjectSpec.of("One gantry's provisioning profile, or a defaults file that profiles extend.")
                .optional("extends", text(), "Defaults file this one inherits from, relative to this file (e.g. network.yaml):"
                        + " mappings merge key by key, lists and other values are replaced, an empty value (~) removes an inherited key.")
                .required("gantry", gantry(), "The gantry: identity, where it stands and its controller.")
                .optional("cameras", ListSpec.of(camera(), 0, 16), "The gantry's cameras; none for a relay-only gantry.")
                .optional("gpio", gpio(), "BCM GPIO pins (0.." + BCM_MAX + ") the cabinet is wired to; each pin once.")
                .optional("radar", radar(), "Serial Doppler radar, if the gantry has one.")
                .optional("sections", ListSpec.of(section(), 0, 32), "Speed sections this gantry is the entry or the exit of.")
                .required("mqtt", mqtt(), "The central MQTT broker; credentials only as references to files.")
                .optional("management", management(), "The gantry's CoAP/DTLS management endpoint (push, commission).")
                .required("clock", clock(), "Time keeping: servers and the error bound for section timing.")
                .optional("outbox", ObjectSpec.of("Store-and-forward outbox on the gantry.")
                        .optional("maxBytes", integer(1 << 20, 1L << 40).unit("bytes"), StorageLimits.DEFAULT_OUTBOX_MAX_BYTES,
                                "Payload bytes kept while the link is down; above it images of the oldest ordinary reads are shed."),
                        "Outbox limits.")
                .optional("retention", ObjectSpec.of("How long personal data stays on the gantry.")
                        .optional("passageTtlHours", integer(1, StorageLimits.MAX_PASSAGE_TTL_HOURS).unit("h"),
                                StorageLimits.DEFAULT_PASSAGE_TTL_HOURS, "Hours an unmatched section passage is kept."),
                        "Retention limits.");
    }

    private static ObjectSpec gantry() {
        return ObjectSpec.of("Identity and place of the gantry.")
                .required("id", id(), "Gantry id: becomes the MQTT topic level anpr/v1/{id}/..., unique in the network.")
                .required("site", text(), "Human name of the site, shown on the console's map, e.g. 'E40 Bertem, km 16.2'.")
                .required("position", ObjectSpec.of("WGS 84 position in decimal degrees.")
                        .required("lat", number(-90, 90).unit("°"), "Latitude, -90..90.")
                        .required("lon", number(-180, 180).unit("°"), "Longitude, -180..180."), "GPS position of the gantry.")
                .required("road", text(), "Road number as signposted, e.g. E40, N2.")
                .required("carriageway", oneOf(Carriageway.codes()), "Carriageway watched, by the road's kilometre points:"
                        + " increasing (towards higher km), decreasing, or both (single carriageway).")
                .required("direction", text(), "Where the watched traffic goes, as signposted, e.g. 'Liège'.")
                .optional("km", number(0, 10_000).unit("km"), "Kilometre point; lets the network check that a section runs the way its carriageway does.")
                .required("controller", oneOf(ControllerModel.codes()), "Controller hardware; Raspberry Pi models have GPIO, x86-64 has none.");
    }

    private static ObjectSpec camera() {
        return ObjectSpec.of("One camera.")
                .required("id", id(), "Camera id, unique on this gantry.")
                .required("lane", integer(1, CameraProfile.MAX_LANE), "Lane watched, 1 = next to the hard shoulder.")
                .optional("view", oneOf("approaching", "receding"), "approaching",
                        "approaching: sees vehicles coming (front plates); receding: going (rear plates).")
                .required("stream", text().checked(FormatChecks.STREAM_PATTERN, FormatChecks.STREAM_ALLOWED, FormatChecks::stream),
                        "Where frames come from: " + FormatChecks.STREAM_ALLOWED + ". Never with a password in it.")
                .optional("credentialsFile", text(), "File holding the stream's user:password (a reference, never the secret).")
                .secret("password", "credentialsFile: a file holding user:password")
                .optional("resolution", ObjectSpec.of("Frame size in pixels.")
                        .required("width", integer(320, 8192).unit("px"), "Width in pixels.")
                        .required("height", integer(240, 8192).unit("px"), "Height in pixels."),
                        "Frame size the camera is set to (default 1920x1080).")
                .optional("roi", ObjectSpec.of("Rectangle in pixels from the top-left corner, inside the frame.")
                        .required("x", integer(0, 8191).unit("px"), "Left edge.")
                        .required("y", integer(0, 8191).unit("px"), "Top edge.")
                        .required("width", integer(16, 8192).unit("px"), "Width.")
                        .required("height", integer(16, 8192).unit("px"), "Height."),
                        "Region of interest where plates appear; default the whole frame.")
                .optional("exposure", ObjectSpec.of("Exposure hints for plate reading.")
                        .optional("maxShutterMicros", integer(20, 20_000).unit("µs"), CameraProfile.ExposureHints.DEFAULT.maxShutterMicros(),
                                "Longest exposure; at 120 km/h a vehicle moves 3.3 cm per millisecond.")
                        .optional("maxGainDb", number(0, 60).unit("dB"), CameraProfile.ExposureHints.DEFAULT.maxGainDb(), "Highest sensor gain.")
                        .optional("wdr", bool(), CameraProfile.ExposureHints.DEFAULT.wdr(), "Wide dynamic range (headlights at night)."),
                        "Exposure hints for the camera.");
    }

    private static ObjectSpec gpio() {
        return ObjectSpec.of("BCM GPIO pin map.")
                .optional("loops", ListSpec.of(ObjectSpec.of("The loop detector inputs of one lane.")
                        .required("lane", integer(1, CameraProfile.MAX_LANE), "Lane the loops lie in.")
                        .required("leading", pin(), "BCM pin of the first loop a vehicle crosses.")
                        .optional("trailing", pin(), "BCM pin of the second loop (spot speed, vehicle length).")
                        .optional("spacingM", number(0.5, 100).unit("m"), "Leading edge to leading edge; required with trailing."), 0, 16),
                        "Inductive-loop inputs, one entry per lane.")
                .optional("flash", pin(), "Output triggering the IR illuminator / flash.")
                .optional("door", pin(), "Input from the cabinet door contact.")
                .optional("relay", pin(), "Output driving the roadside signal relay.")
                .optional("loopbacks", ListSpec.of(ObjectSpec.of("An output wired back to an input (a commissioning plug, or the relay's feedback contact).")
                        .required("drive", oneOf("flash", "relay"), "The output driven high then low: one of this map's outputs.")
                        .required("sense", oneOf("door"), "The input that must follow: one of this map's inputs.")
                        .optional("inverted", bool(), false, "The input reads the opposite level (an opto-coupler)."), 0, 4),
                        "What 'provision commission' checks with the gantry's GPIO self-test.");
    }

    private static ScalarSpec pin() {
        return integer(0, BCM_MAX);
    }

    private static ObjectSpec radar() {
        return ObjectSpec.of("Serial Doppler radar (OmniPreSense OPS24x style).")
                .required("port", text().checked(FormatChecks.DEVICE_PATTERN, FormatChecks.DEVICE_ALLOWED, FormatChecks::device),
                        "Serial device, e.g. /dev/ttyACM0.")
                .optional("baud", integer(1200, 4_000_000), RadarPort.DEFAULT_BAUD, "UART speed; USB CDC ignores it.");
    }

    private static ObjectSpec section() {
        return ObjectSpec.of("A speed section; both ends declare it with the same id and numbers.")
                .required("id", id(), "Section id, the same in the entry's and the exit's profile.")
                .required("role", oneOf("entry", "exit"), "Whether this gantry is the section's entry or its exit.")
                .required("otherEnd", id(), "Gantry id at the other end of the section.")
                .optional("camera", id(), "This gantry's camera for the section; default any of them.")
                .required("distanceM", number(SectionProfile.MIN_DISTANCE_M, 100_000).unit("m").minReason("the legal minimum for section control"),
                        "Calibrated distance along the road between the two gantries, metres.")
                .optional("distanceUncertaintyM", number(0, 1000).unit("m"), 0,
                        "Uncertainty of the calibrated distance; the conservative speed uses distance minus this.")
                .required("speedLimitKmh", number(5, 300).unit("km/h"), "Speed limit enforced over the section.")
                .required("margin", ChoiceSpec.of(oneOf("NL", "FR"), ObjectSpec.of("An explicit margin rule.")
                        .required("country", text(), "Country the rule belongs to, e.g. BE.")
                        .required("absoluteKmh", number(0, 50).unit("km/h"), "Margin at or below thresholdKmh.")
                        .required("thresholdKmh", number(0, 300).unit("km/h"), "Speed from which the percentage applies.")
                        .required("percent", number(0, 50).unit("%"), "Margin above the threshold, percent of the measured speed.")),
                        "Enforcement margin: a preset (NL, FR) or {country, absoluteKmh, thresholdKmh, percent}.");
    }

    private static ObjectSpec mqtt() {
        ScalarSpec file = text();
        return ObjectSpec.of("Central MQTT broker.")
                .required("serverUri", text().checked(FormatChecks.MQTT_PATTERN, FormatChecks.MQTT_ALLOWED, FormatChecks::mqtt),
                        "Broker: " + FormatChecks.MQTT_ALLOWED + "; ssl:// needs tls.trustStore.")
                .optional("clientId", id(), "MQTT client id; default the gantry id.")
                .optional("username", text(), "Broker user name; needs passwordFile.")
                .optional("passwordFile", file, "File holding the broker password (a reference, never the password).")
                .secret("password", "passwordFile: a file holding the password")
                .optional("tls", ObjectSpec.of("TLS material, as files.")
                        .optional("trustStore", file, "PKCS#12 file with the CA that signed the broker's certificate.")
                        .optional("trustStorePasswordFile", file, "File holding the trust store's password.")
                        .optional("keyStore", file, "PKCS#12 file with this gantry's client certificate and key.")
                        .optional("keyStorePasswordFile", file, "File holding the key store's password.")
                        .secret("trustStorePassword", "trustStorePasswordFile: a file holding it")
                        .secret("keyStorePassword", "keyStorePasswordFile: a file holding it"),
                        "TLS trust and key stores for ssl://.");
    }

    private static ObjectSpec management() {
        return ObjectSpec.of("CoAP/DTLS management endpoint.")
                .optional("host", text().checked(FormatChecks.HOST_PATTERN, FormatChecks.HOST_ALLOWED, FormatChecks::host),
                        "Address the technician reaches the controller at on site.")
                .optional("port", integer(1, 65_535), ManagementEndpoint.DEFAULT_PORT, "UDP port (coaps).")
                .optional("pskIdentity", id(), "DTLS pre-shared-key identity; default the gantry id.")
                .optional("pskFile", text(), "File holding the pre-shared key (written by 'provision keys').")
                .optional("keyFile", text(), "File for the gantry's DTLS private key, PKCS#8 PEM (written by 'provision keys --type certificate').")
                .optional("csrFile", text(), "File for the certificate signing request of that key, PKCS#10 PEM, for the network's CA.")
                .secret("keyHex", "pskFile: a file holding the key")
                .secret("psk", "pskFile: a file holding the key");
    }

    private static ObjectSpec clock() {
        ScalarSpec host = text().checked(FormatChecks.HOST_PATTERN, FormatChecks.HOST_ALLOWED, FormatChecks::host);
        return ObjectSpec.of("Time keeping.")
                .optional("ntpServers", ListSpec.of(host, 1, 8), "NTP servers for chrony.")
                .optional("ptpServers", ListSpec.of(host, 1, 8), "Unicast PTP masters on the cabinet network.")
                .optional("syncBoundMicros", integer(1, 10_000_000).unit("µs"), ClockSync.DEFAULT_SYNC_BOUND_MICROS,
                        "Largest clock error at which section violations are still issued.");
    }
}
