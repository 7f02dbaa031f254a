package dev.optim.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.descent.Trajectory;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.experiment.LineFit;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), driven by Selenium. Drags the red dot, presses train and optimize,
 * and checks that each drawn path ends, within a pixel, where the library's own descent from
 * the dragged point ends; that the cost and loss curves are drawn; that a diverged run is drawn
 * as diverged at its step; and that screenshots are not blank.
 *
 * <p>Selenium never downloads anything: the driver and the browser are given by path
 * ({@code -Doptim.chromedriver}, {@code -Doptim.chromium}, default {@code /usr/bin/...}), so
 * Selenium Manager is not used. The test is skipped, saying why, only where they are absent.
 * With {@code -Doptim.playground.screenshots=DIR} the screenshots are also written to DIR (the
 * README's pictures: {@code docs/images}).
 */
class PlaygroundBrowserTest {

    private static final String CHROMIUM = System.getProperty("optim.chromium", "/usr/bin/chromium");
    private static final String DRIVER =
            System.getProperty("optim.chromedriver", "/usr/bin/chromedriver");

    private static PlaygroundServer server;
    private static ChromeDriver driver;
    private static Path profile;

    private static String missing;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(DRIVER))) {
            missing = "skipped: no headless browser: " + CHROMIUM + " or " + DRIVER
                    + " is missing (install Debian's chromium and chromium-driver, as"
                    + " .ci/install-browser does)";
            System.err.println("PlaygroundBrowserTest " + missing);
            return;
        }
        server = PlaygroundServer.start(InetAddress.getLoopbackAddress(), 0);
        profile = Files.createTempDirectory("optim-chromium-");
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1320,2200", "--hide-scrollbars");
        driver = new ChromeDriver(service, o);
        driver.manage().window().setSize(new Dimension(1320, 2200));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (profile != null) {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Each test is reported as skipped, with the reason, where there is no browser. */
    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(missing == null, missing);
    }

    private static void load(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(
                d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private static void waitDone(String svgId) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(
                d.findElement(By.id(svgId)).getAttribute("data-done")));
    }

    private static double attr(WebElement e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    /** The library's point in the plot's pixels, from the geometry the SVG states. */
    private static double[] toPixel(WebElement svg, double x, double y) {
        double left = attr(svg, "data-plot-left");
        double top = attr(svg, "data-plot-top");
        double w = attr(svg, "data-plot-width");
        double h = attr(svg, "data-plot-height");
        double xLo = attr(svg, "data-plot-x-lo");
        double xHi = attr(svg, "data-plot-x-hi");
        double yLo = attr(svg, "data-plot-y-lo");
        double yHi = attr(svg, "data-plot-y-hi");
        return new double[] {left + (x - xLo) / (xHi - xLo) * w,
            top + (yHi - y) / (yHi - yLo) * h};
    }

    private static double[] lastPoint(WebElement polyline) {
        String[] pts = polyline.getAttribute("points").trim().split("\\s+");
        String[] xy = pts[pts.length - 1].split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    private static int pointCount(WebElement polyline) {
        String p = polyline.getAttribute("points").trim();
        return p.isEmpty() ? 0 : p.split("\\s+").length;
    }

    private static void assertWithinAPixel(double[] expected, double[] drawn, String what) {
        double d = Math.hypot(expected[0] - drawn[0], expected[1] - drawn[1]);
        assertTrue(d <= 1.0, what + ": drawn at (" + drawn[0] + ", " + drawn[1]
                + "), the library ends at (" + expected[0] + ", " + expected[1] + "), " + d
                + " px apart");
    }

    /** Takes a screenshot of an element, checks it is not blank, and keeps it. */
    private static void screenshot(WebElement e, String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", e);
        byte[] png = e.getScreenshotAs(OutputType.BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(img.getWidth() > 300 && img.getHeight() > 300,
                name + " is " + img.getWidth() + "x" + img.getHeight());
        assertTrue(colours.size() > 100, name + " has only " + colours.size() + " colours");
        Path dir = Paths.get("target", "playground-screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        String keep = System.getProperty("optim.playground.screenshots");
        if (keep != null && !keep.isBlank()) {
            Path k = Paths.get(keep);
            Files.createDirectories(k);
            Files.write(k.resolve(name), png);
        }
    }

    @Test
    void figure1TrainsFromTheDraggedDotToWhereTheLibraryEnds() throws IOException {
        load(server.url());
        WebElement svg = driver.findElement(By.id("f1-surface"));
        WebElement dot = driver.findElement(By.id("f1-init"));
        double x0 = attr(dot, "data-x");
        new Actions(driver).clickAndHold(dot).moveByOffset(60, -45).moveByOffset(20, -15)
                .release().perform();
        double slope = attr(dot, "data-x");
        double intercept = attr(dot, "data-y");
        assertTrue(Math.abs(slope - x0) > 0.5, "the drag moved the dot: " + x0 + " → " + slope);
        driver.findElement(By.cssSelector("#f1-batch button[data-value='24']")).click();
        driver.findElement(By.cssSelector("#f1-lr button[data-value='0.01']")).click();
        driver.findElement(By.id("f1-train")).click();
        waitDone("f1-surface");

        RegressionData data = RegressionProblem.builder().points(300).seed(1).build().generate();
        DescentResult lib = LineFit.run(data, Sgd.builder().learningRate(0.01).build(),
                new double[] {slope, intercept}, 300, 24, false, 1, DataType.DOUBLE);
        WebElement path = driver.findElement(By.id("f1-path"));
        assertEquals(301, pointCount(path), "one point per row");
        double[] end = lib.parameters();
        assertWithinAPixel(toPixel(svg, end[0], end[1]), lastPoint(path), "figure 1 path");
        assertEquals(end[0], attr(path, "data-last-x"), 0.0);
        assertEquals(end[1], attr(path, "data-last-y"), 0.0);

        WebElement cost = driver.findElement(By.id("f1-cost-line"));
        assertEquals(301, pointCount(cost), "the cost curve has every step");
        WebElement costSvg = driver.findElement(By.id("f1-cost"));
        Trajectory t = lib.trajectory();
        double[] lastCost = toPixel(costSvg, t.step(t.size() - 1), t.loss(t.size() - 1));
        if ("true".equals(costSvg.getAttribute("data-plot-y-log"))) {
            double top = attr(costSvg, "data-plot-top");
            double h = attr(costSvg, "data-plot-height");
            double lo = Math.log10(attr(costSvg, "data-plot-y-lo"));
            double hi = Math.log10(attr(costSvg, "data-plot-y-hi"));
            lastCost[1] = top + (hi - Math.log10(t.loss(t.size() - 1))) / (hi - lo) * h;
        }
        assertWithinAPixel(lastCost, lastPoint(cost), "figure 1 cost curve");
        assertTrue(driver.findElement(By.id("f1-fit-line")).isDisplayed());
        screenshot(driver.findElement(By.id("figure1")), "playground-figure1.png");
    }

    @Test
    void figure2RacesFromTheDraggedStartAndShowsADivergedRunAsDiverged() throws IOException {
        load(server.url());
        new Select(driver.findElement(By.id("f2-landscape"))).selectByValue("himmelblau");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("status")).getText().startsWith("Ready"));
        WebElement svg = driver.findElement(By.id("f2-surface"));
        WebElement dot = driver.findElement(By.id("f2-start"));
        new Actions(driver).clickAndHold(dot).moveByOffset(-50, 35).release().perform();
        double sx = attr(dot, "data-x");
        double sy = attr(dot, "data-y");
        assertTrue(sx < -0.5 && sy < -0.5, "the drag moved the start: " + sx + ", " + sy);
        // a fifth runner, GD with a rate far too large: it must be shown diverged
        driver.findElement(By.id("f2-add")).click();
        // A new row takes the next optimizer of the catalogue: make it GD.
        new Select(driver.findElements(By.cssSelector("#f2-rows .optrow select.optimizer")).get(4))
                .selectByValue("sgd");
        WebElement lr = driver.findElements(By.cssSelector("#f2-rows .optrow input.lr")).get(4);
        lr.clear();
        lr.sendKeys("0.2");
        lr.sendKeys(org.openqa.selenium.Keys.TAB);
        driver.findElement(By.id("f2-optimize")).click();
        waitDone("f2-surface");

        List<Optimizer> opts = List.of(
                Sgd.builder().learningRate(0.01).build(),
                Momentum.builder().learningRate(0.01).build(),
                RmsProp.builder().learningRate(0.05).build(),
                Adam.builder().learningRate(0.1).build(),
                Sgd.builder().learningRate(0.2).build());
        List<WebElement> paths = driver.findElements(By.cssSelector("#f2-surface polyline.path"));
        List<WebElement> losses = driver.findElements(By.cssSelector("#f2-loss polyline.loss-line"));
        assertEquals(5, paths.size());
        assertEquals(5, losses.size());
        boolean sawDiverged = false;
        for (int i = 0; i < 5; i++) {
            DescentResult lib = Descent.builder(opts.get(i)).maxSteps(200).recordEvery(1)
                    .recordParameters(true).build()
                    .run(Landscapes.byName("himmelblau"), new double[] {sx, sy});
            WebElement path = paths.get(i);
            assertTrue(pointCount(losses.get(i)) > 1, "loss curve " + i + " is drawn");
            String legend = driver.findElement(By.cssSelector("#f2-legend .entry[data-index='"
                    + i + "']")).getText();
            if (lib.reason() == StopReason.DIVERGED) {
                sawDiverged = true;
                assertEquals(lib.divergedAtStep(), (long) attr(path, "data-diverged-at"));
                assertTrue(legend.contains("diverged at step " + lib.divergedAtStep()), legend);
                // drawn up to its last drawable row, never beyond
                Trajectory t = lib.trajectory();
                int last = -1;
                for (int k = 0; k < t.size(); k++) {
                    double a = t.param(k, 0);
                    double b = t.param(k, 1);
                    if (!Double.isFinite(a) || !Double.isFinite(b) || Math.abs(a) > 1e4
                            || Math.abs(b) > 1e4) {
                        break;
                    }
                    last = k;
                }
                assertEquals(last + 1, pointCount(path));
                assertWithinAPixel(toPixel(svg, t.param(last, 0), t.param(last, 1)),
                        lastPoint(path), "diverged path " + i);
            } else {
                double[] end = lib.parameters();
                assertEquals(201, pointCount(path));
                assertWithinAPixel(toPixel(svg, end[0], end[1]), lastPoint(path), "path " + i);
                assertTrue(legend.contains("200 steps"), legend);
            }
        }
        assertTrue(sawDiverged, "GD at 0.2 diverges on himmelblau");
        assertTrue(pointCount(driver.findElement(By.cssSelector("#f2-schedule polyline"))) > 1,
                "the schedule curve is drawn");
        screenshot(driver.findElement(By.id("figure2")), "playground-figure2.png");

        // the link restores the settings
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("#"), url);
        driver.get("about:blank");
        load(url);
        assertEquals(5, driver.findElements(By.cssSelector("#f2-rows .optrow")).size());
        assertEquals("0.2", driver.findElements(By.cssSelector("#f2-rows .optrow input.lr")).get(4)
                .getAttribute("value"));
        WebElement restored = driver.findElement(By.id("f2-start"));
        assertEquals(sx, attr(restored, "data-x"), 0.0);
        assertEquals(sy, attr(restored, "data-y"), 0.0);
    }
}
