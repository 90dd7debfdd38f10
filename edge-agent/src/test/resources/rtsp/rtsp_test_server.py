#!/usr/bin/python3
"""Loopback RTSP camera for the edge-agent's capture tests (GStreamer's RTSP server).

Usage: rtsp_test_server.py PORT [--auth]
Mounts: /h264 (H.264, 320x240, 15 fps), /mjpeg (JPEG over RTP, same size) and /h264-5fps, which
prints "sent MOUNT NANOS" (CLOCK_MONOTONIC, as Java's System.nanoTime) for each frame it hands to
the payloader: the truth for capture-time tests. With --auth every request needs Basic auth
user:secret (else RTSP 401). Prints "ready PORT" once listening.
Needs the Debian packages listed in tools/system-packages.txt (python3-gi, gir1.2-gst-rtsp-server-1.0,
gstreamer1.0-plugins-good, gstreamer1.0-plugins-ugly for x264enc).
"""
import sys
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

CAPS = "video/x-raw,format=I420,width=320,height=240,framerate=15/1"  # RTP/JPEG (RFC 2435) carries 4:2:0 only
H264 = ("( videotestsrc is-live=true pattern=ball ! " + CAPS + " ! x264enc name=enc tune=zerolatency"
        " speed-preset=ultrafast key-int-max=8 ! rtph264pay name=pay0 pt=96 config-interval=1 )")
MJPEG = "( videotestsrc is-live=true ! " + CAPS + " ! jpegenc quality=80 ! rtpjpegpay name=pay0 pt=26 )"


def factory(launch, roles, mount=None):
    f = GstRtspServer.RTSPMediaFactory()
    f.set_launch(launch)
    f.set_shared(True)  # one encoder for all clients: cheap on the 2-core CI machine
    if mount:
        f.connect("media-configure", lambda _f, media: report_sent(media, mount))
    for role in roles:
        f.add_role_from_structure(Gst.Structure.new_from_string(
            role + ", media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
    return f


def report_sent(media, mount):
    def probe(_pad, _info):
        print("sent", mount, time.monotonic_ns(), flush=True)
        return Gst.PadProbeReturn.OK
    media.get_element().get_by_name("enc").get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, probe)


def main():
    Gst.init(None)
    port = int(sys.argv[1])
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(port))

    role = "anonymous"
    if "--auth" in sys.argv:
        # No default token: a request without valid credentials is answered 401 (with a default
        # token it would be "authenticated" as that role and a denied mount would look like 404).
        auth = GstRtspServer.RTSPAuth()
        user = GstRtspServer.RTSPToken()
        role = "user"
        user.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, role)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic("user", "secret"), user)
        server.set_auth(auth)

    mounts = server.get_mount_points()
    mounts.add_factory("/h264", factory(H264, [role]))
    mounts.add_factory("/mjpeg", factory(MJPEG, [role]))
    mounts.add_factory("/h264-5fps", factory(H264.replace("framerate=15/1", "framerate=5/1"), [role], "/h264-5fps"))
    if server.attach(None) == 0:
        sys.exit("cannot listen on 127.0.0.1:%d" % port)
    print("ready", port, flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
