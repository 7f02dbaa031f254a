package dev.optim.landscapes.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading regression points from CSV, and the errors for bad files. */
class RegressionCsvTest {

    private static RegressionData read(String text) {
        return RegressionData.fromCsv(new StringReader(text), "points.csv");
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
    }

    @Test
    void readsColumnsByNameInAnyOrderAndCase() {
        RegressionData d = read("id,Y,x\n1,2.5,-1\n\n2, 3 ,0.5e1\n");
        assertArrayEquals(new double[] {-1, 5}, d.xs());
        assertArrayEquals(new double[] {2.5, 3}, d.ys());
        assertEquals(2, read("\uFEFFx,y\r\n1,2\r\n3,4\r\n").size());
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "x,y\n0,1\n1,3\n");
        RegressionData d = RegressionData.fromCsv(file);
        assertEquals(new Line(2, 1), d.leastSquares());
    }

    @Test
    void missingFileOrDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionData.fromCsv(missing));
        assertEquals("file not found: " + missing, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionData.fromCsv(dir));
        assertEquals("file is not a regular file: " + dir, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegressionData.fromCsv((Path) null));
    }

    @Test
    void clearErrorsWithLineNumbers() {
        assertEquals("points.csv:1: the header must name the columns x and y, got [a, y]",
                error("a,y\n1,2\n"));
        assertEquals("points.csv:3: column y: 'abc' is not a number", error("x,y\n1,2\n3,abc\n"));
        assertEquals("points.csv:2: column x: '' is not a number", error("x,y\n,2\n"));
        assertEquals("points.csv:2: expected 2 fields as in the header, got 3",
                error("x,y\n1,2,3\n"));
        assertEquals("points.csv:2: column x must be finite, got NaN", error("x,y\nNaN,1\n"));
        assertEquals("points.csv:1: the header names column x twice", error("x,X,y\n1,2,3\n"));
        assertEquals("points.csv: no data rows after the header", error("x,y\n\n"));
        assertEquals("points.csv: empty, expected a header x,y", error(""));
        assertThrows(IllegalArgumentException.class, () -> RegressionData.fromCsv(null, "s"));
    }
}
