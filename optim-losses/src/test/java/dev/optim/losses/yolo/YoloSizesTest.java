package dev.optim.losses.yolo;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grids whose tensors cannot be addressed are refused at construction, with the bound. */
class YoloSizesTest {

    @Test
    void aGridTooLargeForItsTensorsIsRefused() {
        // 1024·1024·(1·5 + 100000) ≈ 1.05e11 values per image: ArithmeticException before.
        assertMessage(() -> new YoloGrid(1024, 1, 100000),
                "S·S·(B·5 + C), the prediction values of one image, must be <= 16777216, got "
                        + "1024·1024·(1·5 + 100000) = 104862842880");
        assertMessage(() -> new YoloTargetEncoder(new YoloGrid(1024, 64, 100000)), "<= 16777216");
        // The bound itself is allowed: 64·64·(5·1 + 4091) = 16777216.
        new YoloGrid(64, 1, 4091);
    }

    @Test
    void tooManyImagesAtOnceAreRefusedNotOverflowed() {
        YoloGrid grid = new YoloGrid(64, 1, 4091); // 64·64·4096 = 2^24 target values per image
        YoloTargetEncoder encoder = new YoloTargetEncoder(grid);
        List<List<GroundTruthBox>> images = Collections.nCopies(200, List.of());
        assertMessage(() -> encoder.encode(images), "encode at most 127 images at a time");
        assertArrayEquals(new long[] {1, 64, 64, 4096},
                encoder.encode(List.of(List.of())).shape());
    }
}
