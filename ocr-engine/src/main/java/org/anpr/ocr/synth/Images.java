package org.anpr.ocr.synth;

import org.bytedeco.opencv.opencv_core.Mat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Copies between Java2D images and OpenCV mats. The caller closes every returned Mat. */
public final class Images {

    private Images() {
    }

    /** BGR copy of an image of any type. */
    public static Mat toBgr(BufferedImage img) {
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = bgr.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(img.getHeight(), img.getWidth(), CV_8UC3);
        m.data().put(data, 0, data.length);
        return m;
    }

    /** 8-bit grey copy of a {@link BufferedImage#TYPE_BYTE_GRAY} image. */
    public static Mat toGray(BufferedImage gray) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected TYPE_BYTE_GRAY");
        }
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(gray.getHeight(), gray.getWidth(), CV_8UC1);
        m.data().put(data, 0, data.length);
        return m;
    }

    /** The alpha channel of a {@link BufferedImage#TYPE_4BYTE_ABGR} image as an 8-bit mask. */
    public static Mat alpha(BufferedImage abgr) {
        if (abgr.getType() != BufferedImage.TYPE_4BYTE_ABGR) {
            throw new IllegalArgumentException("expected TYPE_4BYTE_ABGR");
        }
        byte[] data = ((DataBufferByte) abgr.getRaster().getDataBuffer()).getData();
        byte[] a = new byte[abgr.getWidth() * abgr.getHeight()];
        for (int i = 0; i < a.length; i++) {
            a[i] = data[4 * i];
        }
        Mat m = new Mat(abgr.getHeight(), abgr.getWidth(), CV_8UC1);
        m.data().put(a, 0, a.length);
        return m;
    }

    /** A Java2D copy of an 8-bit grey or BGR mat. */
    public static BufferedImage toImage(Mat m) {
        int type = switch (m.channels()) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            default -> throw new IllegalArgumentException("1 or 3 channels expected, got " + m.channels());
        };
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            BufferedImage img = new BufferedImage(c.cols(), c.rows(), type);
            byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            c.data().get(data, 0, data.length);
            return img;
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }
}
