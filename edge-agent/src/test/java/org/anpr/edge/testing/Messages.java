package org.anpr.edge.testing;

import com.google.protobuf.ByteString;
import java.util.Random;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;

/** Test message helpers beyond {@code SampleMessages}. */
public final class Messages {
    private Messages() {
    }

    /** Bytes that pass the contract's JPEG check (magic + size), of the given length. */
    public static Image fakeJpeg(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xD8;
        data[2] = (byte) 0xFF;
        return Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(1920).setHeight(1080)
                .setData(ByteString.copyFrom(data)).build();
    }

    public static PlateRead withImages(PlateRead read, int overviewBytes, int cropBytes) {
        PlateRead.Builder b = read.toBuilder();
        if (overviewBytes > 0) {
            b.setOverview(fakeJpeg(overviewBytes, overviewBytes));
        }
        if (cropBytes > 0) {
            b.setPlateCrop(fakeJpeg(cropBytes, cropBytes + 1).toBuilder().setWidth(200).setHeight(50));
        }
        return b.build();
    }
}
