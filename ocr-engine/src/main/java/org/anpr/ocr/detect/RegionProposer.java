package org.anpr.ocr.detect;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** One way of proposing plate regions on a downscaled grey frame. */
interface RegionProposer {
    /**
     * @param gray  8-bit grey frame at detection scale
     * @return regions in detection-scale pixels
     */
    List<PlateRegion> propose(Mat gray);
}
