package org.anpr.edge.capture.stream;

import java.io.IOException;

/** No complete frame arrived within the stall timeout. */
final class StallException extends IOException {
    StallException(String message) {
        super(message);
    }
}
