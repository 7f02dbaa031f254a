package dev.optim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void badRangesAreRefusedNamingTheValues() {
        assertEquals("parameter 'lr': range [1.0, 1.0] is empty; need low < high",
                message(() -> Parameter.uniform("lr", 1, 1)));
        assertEquals("parameter 'lr': range [2.0, 1.0] is inverted; need low < high",
                message(() -> Parameter.uniform("lr", 2, 1)));
        assertEquals("parameter 'lr': a log range must be > 0, got [0.0, 1.0], which includes 0",
                message(() -> Parameter.logUniform("lr", 0, 1)));
        assertEquals("parameter 'lr': a log range must be > 0, got [-1.0, 1.0], which includes negative values",
                message(() -> Parameter.logUniform("lr", -1, 1)));
        assertTrue(message(() -> Parameter.uniform("x", 0, Double.NaN)).contains("finite"));
        assertEquals("parameter 'batch': integer range [300, 1] is inverted; need low <= high",
                message(() -> Parameter.integer("batch", 300, 1)));
        assertTrue(message(() -> Parameter.logInteger("batch", 0, 10)).contains("which includes 0"));
        assertTrue(message(() -> Parameter.categorical("opt")).contains("at least one choice"));
        assertTrue(message(() -> Parameter.categorical("opt", "a", "a")).contains("'a' appears twice"));
        assertTrue(message(() -> Parameter.uniform("a b", 0, 1)).contains("'a b'"));
    }

    @Test
    void badSpacesAreRefused() {
        assertEquals("duplicate parameter name 'x'",
                message(() -> SearchSpace.of(Parameter.uniform("x", 0, 1), Parameter.integer("x", 0, 3))));
        assertTrue(message(() -> SearchSpace.of(Parameter.uniform("mu", 0, 1).when("optimizer", "momentum")))
                .contains("unknown parameter 'optimizer'"));
        assertTrue(message(() -> SearchSpace.of(Parameter.uniform("mu", 0, 1).when("optimizer", "momentum"),
                Parameter.categorical("optimizer", "sgd", "momentum"))).contains("must be declared before"));
        assertTrue(message(() -> SearchSpace.of(Parameter.uniform("lr", 0, 1),
                Parameter.uniform("mu", 0, 1).when("lr", "x"))).contains("must be categorical"));
        assertTrue(message(() -> SearchSpace.of(Parameter.categorical("optimizer", "sgd", "momentum"),
                Parameter.uniform("mu", 0, 1).when("optimizer", "adam")))
                .contains("condition value 'adam' is not a choice of 'optimizer' [sgd, momentum]"));
        assertTrue(message(() -> SearchSpace.builder().build()).contains("at least one parameter"));
    }

    @Test
    void conditionalParametersAreActiveOnlyUnderTheirCondition() {
        SearchSpace space = SearchSpace.of(
                Parameter.categorical("optimizer", "sgd", "momentum"),
                Parameter.uniform("momentum", 0, 0.99).when("optimizer", "momentum"),
                Parameter.categorical("nesterov", "no", "yes").when("optimizer", "momentum"),
                Parameter.uniform("dampening", 0, 1).when("nesterov", "no"));
        Params sgd = space.decode(new double[] {0.2, 0.5, 0.1, 0.5});
        assertEquals("optimizer=sgd", sgd.toString());
        assertFalse(sgd.has("momentum"));
        assertFalse(sgd.has("dampening"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sgd.getDouble("momentum"))
                .getMessage().contains("inactive"));
        Params mom = space.decode(new double[] {0.7, 0.5, 0.1, 0.5});
        assertEquals(0.495, mom.getDouble("momentum"), 1e-15);
        assertEquals("no", mom.getString("nesterov"));
        assertEquals(0.5, mom.getDouble("dampening"));
    }

    @Test
    void parsesTheCommandLineSyntax() {
        assertEquals(Parameter.logUniform("lr", 1e-4, 1), Parameter.parse("lr=log:1e-4:1"));
        assertEquals(Parameter.integer("batch", 1, 300), Parameter.parse("batch=int:1:300"));
        assertEquals(Parameter.logInteger("batch", 1, 300), Parameter.parse("batch=logint:1:300"));
        assertEquals(Parameter.categorical("opt", "sgd", "momentum"), Parameter.parse("opt=cat:sgd,momentum"));
        assertEquals(Parameter.uniform("mu", 0, 0.99).when("opt", "momentum", "nesterov"),
                Parameter.parse("mu=uniform:0:0.99@opt=momentum|nesterov"));
        for (Parameter p : List.of(Parameter.parse("lr=log:1e-4:1"), Parameter.parse("mu=uniform:0:0.99@opt=a|b"),
                Parameter.parse("o=cat:a,b"), Parameter.parse("b=int:1:3"))) {
            assertEquals(p, Parameter.parse(p.describe()));
        }
        assertTrue(message(() -> Parameter.parse("lr=exp:1:2")).contains("unknown kind 'exp'"));
        assertTrue(message(() -> Parameter.parse("lr=log:1")).contains("expected 2 field(s)"));
        assertTrue(message(() -> Parameter.parse("lr=log:x:1")).contains("not a number"));
        assertTrue(message(() -> Parameter.parse("lr=log:0:1")).contains("includes 0"));
    }

    @Property(tries = 300)
    void floatEncodeInvertsDecode(@ForAll @DoubleRange(min = 0, max = 1) double u,
            @ForAll boolean log) {
        FloatParameter p = log ? Parameter.logUniform("x", 1e-4, 10) : Parameter.uniform("x", -3, 7);
        double v = p.decode(u);
        assertTrue(v >= p.low() && v <= p.high());
        assertEquals(u, p.encode(v), 1e-12);
    }

    @Property(tries = 300)
    void integerCellsDecodeToTheirValue(@ForAll @LongRange(min = 1, max = 300) long value,
            @ForAll boolean log) {
        IntParameter p = log ? Parameter.logInteger("b", 1, 300) : Parameter.integer("b", 1, 300);
        assertEquals(value, p.decode(p.encode(value)));
    }

    @Test
    void uniformIntegersGetEqualShares() {
        IntParameter p = Parameter.integer("k", 2, 5);
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) {
            counts[(int) (p.decode((i + 0.5) / 4000) - 2)]++;
        }
        assertEquals(List.of(1000, 1000, 1000, 1000), List.of(counts[0], counts[1], counts[2], counts[3]));
        assertEquals(5L, p.decode(1.0));
        assertEquals(2L, p.decode(0.0));
    }

    @Test
    void gridCoversEveryCombinationOnce() {
        SearchSpace space = SearchSpace.of(Parameter.logUniform("lr", 1e-3, 1), Parameter.integer("k", 1, 3),
                Parameter.categorical("o", "a", "b"));
        GridSampler grid = new GridSampler(4);
        assertEquals(4 * 3 * 2, grid.size(space));
        var seen = new java.util.HashSet<String>();
        for (long i = 0; i < grid.size(space); i++) {
            seen.add(space.decode(grid.propose(space, 0, i, List.of(), List.of())).toString());
        }
        assertEquals(24, seen.size());
        assertTrue(seen.contains("lr=0.001, k=1, o=a"));
        assertTrue(seen.contains("lr=1.0, k=3, o=b"));
        assertTrue(seen.contains("lr=0.1, k=2, o=a") || seen.stream().anyMatch(s -> s.startsWith("lr=0.09999")));
        assertThrows(IllegalStateException.class, () -> grid.propose(space, 0, 24, List.of(), List.of()));
    }
}
