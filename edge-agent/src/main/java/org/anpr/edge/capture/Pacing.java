package org.anpr.edge.capture;

/** How a recorded source (folder, file, synthetic) is replayed. */
public enum Pacing {
    /** Frames are released at their recorded spacing, like a live camera. */
    REALTIME,
    /** Frames are released as fast as the consumer takes them (benchmarks, batch evaluation). */
    AS_FAST_AS_POSSIBLE
}
