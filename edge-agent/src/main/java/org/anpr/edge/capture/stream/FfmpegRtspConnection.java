package org.anpr.edge.capture.stream;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_network_init;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import org.anpr.edge.capture.Frame;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An RTSP camera through FFmpeg's avformat/avcodec (the OpenCV build has no FFmpeg). RTP is
 * interleaved in the RTSP TCP connection ({@code rtsp_transport=tcp}): one port through the gantry
 * firewall, no UDP loss. MJPEG streams are passed on as the JPEGs the camera made (the recognizer
 * decodes them); other codecs (H.264, H.265) are decoded here to 8-bit BGR {@link Mat}s.
 *
 * <p>Capture time is the arrival of the frame's last packet, taken before decoding (and corrected for
 * the parser's one-frame hold-back, see {@link #parserLag}); the decoder runs with slice threads and
 * low delay so that a picture comes out for the packet that completed it.
 * The stall watchdog is {@link FfmpegInterrupt}: no frame for the stall timeout, or no answer to the
 * handshake within the connect timeout, interrupts FFmpeg wherever it blocks.
 */
final class FfmpegRtspConnection implements StreamConnection {
    /** Time allowed to send TEARDOWN on close, so the camera frees the session at once. */
    private static final long CLOSE_BUDGET_NANOS = 500_000_000L;

    private final StreamConfig config;
    private final long stallNanos;
    private final FfmpegInterrupt interrupt = new FfmpegInterrupt();
    private final AVPacket packet = av_packet_alloc();
    private final PointerPointer<BytePointer> bgrPlanes = new PointerPointer<>(1);
    private final IntPointer bgrStrides = new IntPointer(1);
    private AVFormatContext format;
    private int streamIndex;
    private AVCodecContext decoder; // null: MJPEG, passed on encoded
    private AVFrame picture;
    private SwsContext scaler;
    private long pendingArrival; // arrival of the last packet given to the decoder
    private boolean parsed; // FFmpeg's parser cuts access units: each is handed out one frame late
    private long lastPts = AV_NOPTS_VALUE;
    private long parserLagNanos;
    private long lastStamp = Long.MIN_VALUE;
    private boolean delivered; // a frame came through this connection
    private boolean closed;

    FfmpegRtspConnection(StreamConfig config) throws IOException {
        Native.init();
        this.config = config;
        this.stallNanos = config.stallTimeout().toNanos();
        try {
            open();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        AVFormatContext ctx = avformat_alloc_context();
        interrupt.install(ctx);
        interrupt.arm(config.connectTimeout().toNanos()); // TCP connect + DESCRIBE/SETUP/PLAY
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "rtsp_transport", "tcp", 0);
        av_dict_set(options, "timeout", Long.toString(config.connectTimeout().toNanos() / 1000), 0); // µs, per socket op
        int err = avformat_open_input(ctx, config.uri(), null, options);
        av_dict_free(options);
        if (err < 0) { // FFmpeg freed ctx
            // Interrupted by the watchdog, FFmpeg often reports a garbled reply: say what happened.
            throw new IOException(FfmpegErrors.message(config, "connect", interrupt.expired() ? AVERROR_EXIT : err));
        }
        format = ctx;
        // No avformat_find_stream_info: the SDP names the codec, and probing would hold back (and
        // mis-stamp) the first seconds of frames; the decoder reads SPS/PPS from the stream itself.
        streamIndex = videoStream();
        AVCodecParameters par = format.streams(streamIndex).codecpar();
        if (par.codec_id() != AV_CODEC_ID_MJPEG) {
            openDecoder(par);
            int id = par.codec_id();
            parsed = id == AV_CODEC_ID_H264 || id == AV_CODEC_ID_HEVC || id == AV_CODEC_ID_MPEG4;
        }
    }

    private int videoStream() throws IOException {
        int found = -1;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream s = format.streams(i);
            if (found < 0 && s.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                found = i;
            } else {
                s.discard(AVDISCARD_ALL); // audio, metadata, a second video stream
            }
        }
        if (found < 0) {
            throw new IOException(prefix() + "the stream has no video track");
        }
        return found;
    }

    private void openDecoder(AVCodecParameters par) throws IOException {
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null) {
            throw new IOException(prefix() + "no decoder for codec " + avcodec_get_name(par.codec_id()).getString());
        }
        decoder = avcodec_alloc_context3(codec);
        int err = avcodec_parameters_to_context(decoder, par);
        if (err >= 0) {
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "flags", "+low_delay", 0);
            av_dict_set(options, "thread_type", "slice", 0); // frame threads would hold back one frame per thread
            av_dict_set(options, "threads", "auto", 0);
            err = avcodec_open2(decoder, codec, options);
            av_dict_free(options);
        }
        if (err < 0) {
            throw new IOException(FfmpegErrors.message(config, "open decoder", err));
        }
        picture = av_frame_alloc();
    }

    @Override
    public synchronized Frame read(FrameStamper stamp) throws IOException {
        // The deadline runs from the request, not from the last frame: a consumer that was busy for a
        // while must not make a flowing stream look stalled. Until the first frame, an H.264 stream
        // may also wait for its next key frame: allow the connect timeout on top.
        interrupt.arm(delivered ? stallNanos : stallNanos + config.connectTimeout().toNanos());
        while (true) {
            if (closed || interrupt.aborted()) {
                throw new IOException("closed");
            }
            if (interrupt.expired()) {
                throw stall();
            }
            if (decoder != null) {
                Frame f = receive(stamp);
                if (f != null) {
                    delivered = true;
                    return f;
                }
            }
            int err = av_read_frame(format, packet);
            long arrival = stamp.now();
            if (err == AVERROR_EOF) {
                return null;
            }
            if (err < 0) {
                if (interrupt.aborted()) {
                    throw new IOException("closed");
                }
                if (err == AVERROR_EXIT || err == FfmpegErrors.ETIMEDOUT || interrupt.expired()) {
                    throw stall();
                }
                throw new IOException(FfmpegErrors.message(config, "read", err));
            }
            try {
                if (packet.stream_index() != streamIndex || packet.size() <= 0) {
                    continue;
                }
                if (decoder == null) {
                    delivered = true;
                    return stamp.encoded(jpeg(packet), arrival);
                }
                // A damaged access unit (lost data, joining before the first SPS) is skipped; a
                // stream that never decodes ends in the stall watchdog.
                if (avcodec_send_packet(decoder, packet) >= 0) {
                    pendingArrival = arrival - parserLag(packet.pts());
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /**
     * FFmpeg's H.264/H.265 parser knows an access unit is complete only when the next one starts, so
     * it hands it out one frame interval after its last packet came. The interval is taken from the
     * RTP timestamps of the previous pair: exact at a camera's constant frame rate (the error is the
     * send jitter of the next frame); the very first frame, with no interval yet, stays one late.
     */
    private long parserLag(long pts) {
        if (!parsed) {
            return 0;
        }
        if (pts != AV_NOPTS_VALUE && lastPts != AV_NOPTS_VALUE && pts > lastPts) {
            AVRational tb = format.streams(streamIndex).time_base();
            long nanos = (pts - lastPts) * 1_000_000_000L / tb.den() * tb.num();
            if (nanos < 1_000_000_000L) { // else a gap in the stream, not a frame interval
                parserLagNanos = nanos;
            }
        }
        if (pts != AV_NOPTS_VALUE) {
            lastPts = pts;
        }
        return parserLagNanos;
    }

    private byte[] jpeg(AVPacket p) throws IOException {
        if (p.size() > config.maxFrameBytes()) {
            throw new IOException(prefix() + "JPEG of " + p.size() + " bytes (limit " + config.maxFrameBytes() + ")");
        }
        byte[] bytes = new byte[p.size()];
        p.data().get(bytes);
        return bytes;
    }

    /** The next decoded picture as a BGR Mat frame, or null if the decoder needs more data. */
    private Frame receive(FrameStamper stamp) throws IOException {
        int err = avcodec_receive_frame(decoder, picture);
        if (err == FfmpegErrors.EAGAIN || err == AVERROR_EOF) {
            return null;
        }
        if (err < 0) {
            throw new IOException(FfmpegErrors.message(config, "decode", err));
        }
        // Back-dating by an estimated interval must not reorder frames (a burst after a hiccup).
        // 1 µs apart: distinct capture times.
        long at = lastStamp == Long.MIN_VALUE ? pendingArrival : Math.max(pendingArrival, lastStamp + 1_000);
        lastStamp = at;
        try {
            return stamp.decoded(toBgr(picture), at);
        } finally {
            av_frame_unref(picture);
        }
    }

    private Mat toBgr(AVFrame p) throws IOException {
        int w = p.width();
        int h = p.height();
        scaler = sws_getCachedContext(scaler, w, h, p.format(), w, h, AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null,
                (DoublePointer) null);
        if (scaler == null) {
            throw new IOException(prefix() + "cannot convert " + w + "x" + h + " pixel format " + p.format() + " to BGR");
        }
        Mat mat = new Mat(h, w, CV_8UC3);
        bgrPlanes.put(0, mat.data());
        bgrStrides.put(0, (int) mat.step());
        sws_scale(scaler, p.data(), p.linesize(), 0, h, bgrPlanes, bgrStrides);
        return mat;
    }

    private StallException stall() {
        return new StallException("no frame for " + stallNanos / 1_000_000 + " ms");
    }

    private String prefix() {
        return "camera " + config.cameraId() + " (" + config.maskedUri() + "): ";
    }

    @Override
    public void close() {
        interrupt.abort(); // a read blocked in FFmpeg (in another thread) returns within ~100 ms
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            interrupt.resume(CLOSE_BUDGET_NANOS);
            if (format != null) {
                avformat_close_input(format);
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            if (picture != null) {
                av_frame_free(picture);
            }
            if (scaler != null) {
                sws_freeContext(scaler);
            }
            av_packet_free(packet);
            bgrPlanes.close();
            bgrStrides.close();
            interrupt.close();
        }
    }

    /** One-time FFmpeg set-up. */
    private static final class Native {
        static {
            // FFmpeg's own stderr log is off by default: every failure is reported, with camera and
            // masked URL, by this class; -Danpr.ffmpeg.loglevel=32 (info) shows FFmpeg's view.
            av_log_set_level(Integer.getInteger("anpr.ffmpeg.loglevel", AV_LOG_FATAL));
            avformat_network_init();
            // OpenCV's natives take about a second to load: not while the first frames queue up
            Loader.load(opencv_core.class);
        }

        static void init() {
            // loading the class runs the static block once
        }
    }
}
