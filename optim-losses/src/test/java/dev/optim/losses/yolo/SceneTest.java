package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scene takes immutable lists ({@code List.of}) as well as others, and refuses null. */
class SceneTest {

    @Test
    void immutableListsOfObjectsAreAccepted() {
        assertEquals(0, new Scene(1, 1, new float[1], List.of()).objects().size());
        GroundTruthBox b = new GroundTruthBox(0, 0.5, 0.5, 0.2, 0.2);
        assertEquals(List.of(b), new Scene(1, 1, new float[1], List.of(b)).objects());
    }

    @Test
    void nullObjectsAreRefusedWithAnIllegalArgument() {
        List<GroundTruthBox> withNull = new ArrayList<>(Arrays.asList((GroundTruthBox) null));
        assertEquals("objects must not be null or hold null",
                assertThrows(IllegalArgumentException.class,
                        () -> new Scene(1, 1, new float[1], withNull)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Scene(1, 1, new float[1], null));
    }

    @Test
    void writingScenesRefusesANullSceneWithAnIllegalArgument() {
        List<Scene> withNull = new ArrayList<>(Arrays.asList((Scene) null));
        assertThrows(IllegalArgumentException.class,
                () -> SceneFiles.write(java.nio.file.Path.of("out/never-written"), withNull));
    }
}
