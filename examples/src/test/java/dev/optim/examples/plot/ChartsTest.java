package dev.optim.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void contourChartWritesAPngWithLegendAndLabels() throws Exception {
        GridValues g = GridValues.sample((x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
                -2, 2, -1, 3, 60, 60);
        JFreeChart c = ContourChart.builder("rosenbrock", "x0", "x1", g)
                .path("Adam", new double[] {0, 0.5, 1, 2e4}, new double[] {0, 0.2, 1, 0})
                .point("start", 0, 0, Charts.INIT)
                .diamonds("minimum", new double[] {1}, new double[] {1}, java.awt.Color.BLACK)
                .build();
        assertEquals("rosenbrock", c.getTitle().getText());
        assertEquals("x0", c.getXYPlot().getDomainAxis().getLabel());
        assertEquals("x1", c.getXYPlot().getRangeAxis().getLabel());
        LegendItemCollection legend = c.getXYPlot().getLegendItems();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.append(legend.get(i).getLabel()).append(';');
        }
        assertTrue(labels.toString().contains("Adam"), labels.toString());
        assertTrue(labels.toString().contains("start"), labels.toString());
        assertTrue(labels.toString().contains("contours"), labels.toString());
        // The point beyond 1e4 is cut.
        assertEquals(3, c.getXYPlot().getDataset(1).getItemCount(0));
        Path png = Charts.writePng(c, dir.resolve("sub/c.png"), 320, 240);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(320, img.getWidth());
        assertEquals(240, img.getHeight());
    }

    @Test
    void logLevelsAreIncreasingAndInsideTheRange() {
        GridValues g = GridValues.sample((x, y) -> x * x + y * y - 5, -1, 1, -1, 1, 11, 11);
        double[] levels = ContourChart.logLevels(g, 8, 3);
        assertEquals(8, levels.length);
        for (int i = 0; i < levels.length; i++) {
            assertTrue(levels[i] > g.min() && levels[i] < g.max());
            if (i > 0) {
                assertTrue(levels[i] > levels[i - 1]);
                // Geometric spacing of level − min.
                if (i > 1) {
                    double r1 = (levels[i] - g.min()) / (levels[i - 1] - g.min());
                    double r0 = (levels[i - 1] - g.min()) / (levels[i - 2] - g.min());
                    assertEquals(r0, r1, 1e-9);
                }
            }
        }
    }

    @Test
    void lineChartOnALogAxisDropsNonPositiveValues() throws Exception {
        JFreeChart c = LineChart.builder("loss", "step", "loss").logY(true)
                .series("a", new double[] {0, 1, 2, 3}, new double[] {1, 0, Double.NaN, 0.5})
                .note("here", 3, 0.5).build();
        assertTrue(Double.isNaN(c.getXYPlot().getDataset().getYValue(0, 1)));
        BufferedImage img = ImageIO.read(Charts.writePng(c, dir.resolve("l.png"), 200, 150).toFile());
        assertEquals(200, img.getWidth());
    }

    @Test
    void barChartHasOneRowPerSeries() throws Exception {
        JFreeChart c = BarChart.builder("memory", "optimizer", "bytes").bar("f32", "Adam", 8)
                .bar("f64", "Adam", 16).bar("f32", "GD", 0).build();
        assertEquals(2, c.getCategoryPlot().getDataset().getRowCount());
        assertEquals(2, c.getCategoryPlot().getDataset().getColumnCount());
        BufferedImage img = ImageIO.read(Charts.writePng(c, dir.resolve("b.png"), 300, 200).toFile());
        assertEquals(200, img.getHeight());
    }
}
