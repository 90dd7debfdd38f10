package org.anpr.bench.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;

/** The attackers of issue 17, item 14, each a small {@link Attack}. */
final class Attacks {
    private Attacks() {
    }

    /**
     * Connects and says nothing: holds a socket until the receiver's connect deadline closes it, then
     * comes back a second later. Half from each of two addresses, so that up to 2,000 stay under
     * the per-address cap and are all held (the cap itself is ConnectionCapsTest's).
     */
    static List<Attack> idle(int connections, int port) throws IOException {
        List<Attack> out = new java.util.ArrayList<>();
        for (String from : new String[] {"127.0.0.2", "127.0.0.7"}) {
            out.add(new Attack("idle connections " + from, from, connections / 2, port) {
                @Override
                void round(Socket s) throws IOException {
                    if (closedWithin(s, 120_000)) {
                        closedByServer.incrementAndGet();
                    }
                    pause(1_000);
                }
            });
        }
        return out;
    }

    /** Sends a valid CONNECT one byte every {@code everyMillis}: a connection the deadline must end. */
    static Attack slowDrip(int connections, int everyMillis, int port) throws IOException {
        byte[] connect = MqttBytes.connect("drip", "drip", "x".repeat(40));
        return new Attack("slow-drip CONNECTs", "127.0.0.3", connections, port) {
            @Override
            void round(Socket s) throws IOException, InterruptedException {
                s.setSoTimeout(everyMillis);
                for (byte b : connect) {
                    s.getOutputStream().write(b);
                    s.getOutputStream().flush();
                    if (closedWithin(s, everyMillis)) {
                        closedByServer.incrementAndGet();
                        return;
                    }
                }
            }
        };
    }

    /** Announces a 4 MiB CONNECT and starts sending it. */
    static Attack oversized(int connections, int port) throws IOException {
        byte[] header = MqttBytes.connectHeader(4 << 20);
        byte[] junk = new byte[64 << 10];
        return new Attack("oversized CONNECTs", "127.0.0.4", connections, port) {
            @Override
            void round(Socket s) throws IOException {
                s.getOutputStream().write(header);
                try {
                    for (int i = 0; i < 64; i++) {
                        s.getOutputStream().write(junk);
                    }
                } catch (IOException closed) {
                    closedByServer.incrementAndGet();
                    return;
                }
                if (closedWithin(s, 10_000)) {
                    closedByServer.incrementAndGet();
                }
            }
        };
    }

    /** CONNECT after CONNECT with a wrong password for a real gantry id, as fast as answers come. */
    static Attack badPasswords(int connections, String gantry, int port) throws IOException {
        byte[] connect = MqttBytes.connect(gantry, gantry, "guess-" + "y".repeat(40));
        return new Attack("bad-password flood", "127.0.0.5", connections, port) {
            @Override
            void round(Socket s) throws IOException {
                s.getOutputStream().write(connect);
                s.setSoTimeout(30_000);
                byte[] connack = s.getInputStream().readNBytes(4);
                if (connack.length == 4 && connack[3] != 0) {
                    refusedWithConnack.incrementAndGet();
                }
            }
        };
    }

    /** Reads a CONNACK's return code; -1 when the connection closed first. */
    static int connackCode(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        return b.length == 4 ? b[3] : -1;
    }

    static void startAll(List<Attack> attacks) {
        attacks.forEach(Attack::start);
    }

    static void stopAll(List<Attack> attacks) throws InterruptedException {
        for (Attack a : attacks) {
            a.stop();
        }
    }
}
