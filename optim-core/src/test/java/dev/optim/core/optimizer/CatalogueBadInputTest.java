package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every hyperparameter of the catalogue refuses bad values at {@code build()}, with a message
 * that names it, the value and the range; and the {@link Optimizers} registry builds each
 * optimizer by name, refusing unknown names, keys and unparsable values.
 */
class CatalogueBadInputTest {

    private static void refused(String message, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertEquals(message, e.getMessage());
    }

    @Test
    void badHyperparametersAreRefusedNamingThem() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY};
        refused("lrDecay must be finite and >= 0, got -1.0",
                () -> Adagrad.builder().lrDecay(-1).build());
        refused("initialAccumulator must be finite and >= 0, got -0.5",
                () -> Adagrad.builder().initialAccumulator(-0.5).build());
        refused("epsilon must be finite and > 0, got 0.0",
                () -> Adagrad.builder().epsilon(0).build());
        refused("rho must be in [0, 1), got 1.0", () -> Adadelta.builder().rho(1).build());
        refused("epsilon must be finite and > 0, got -1.0E-6",
                () -> Adadelta.builder().epsilon(-1e-6).build());
        refused("beta1 must be in [0, 1), got 1.2", () -> Adamax.builder().beta1(1.2).build());
        refused("beta2 must be in [0, 1), got -0.1", () -> Adamax.builder().beta2(-0.1).build());
        refused("beta1 must be in [0, 1), got 1.0", () -> NAdam.builder().beta1(1).build());
        refused("momentumDecay must be finite and >= 0, got -0.004",
                () -> NAdam.builder().momentumDecay(-0.004).build());
        refused("beta2 must be in [0, 1), got 1.0", () -> RAdam.builder().beta2(1).build());
        refused("epsilon must be finite and > 0, got 0.0", () -> RAdam.builder().epsilon(0).build());
        refused("beta1 must be in [0, 1), got 1.5", () -> Lion.builder().beta1(1.5).build());
        refused("beta2 must be in [0, 1), got -1.0", () -> Lion.builder().beta2(-1).build());
        refused("momentum must be in [0, 1), got 1.0",
                () -> RmsProp.builder().momentum(1).build());
        refused("momentum must be in [0, 1), got -0.1",
                () -> RmsProp.builder().momentum(-0.1).centered(true).build());
        for (double v : bad) {
            List<Supplier<BaseOptimizer>> all = List.of(
                    () -> Adagrad.builder().lrDecay(v).build(),
                    () -> Adagrad.builder().initialAccumulator(v).build(),
                    () -> Adagrad.builder().epsilon(v).build(),
                    () -> Adadelta.builder().rho(v).build(),
                    () -> Adadelta.builder().epsilon(v).build(),
                    () -> Adamax.builder().beta1(v).build(),
                    () -> Adamax.builder().epsilon(v).build(),
                    () -> NAdam.builder().beta2(v).build(),
                    () -> NAdam.builder().momentumDecay(v).build(),
                    () -> RAdam.builder().beta1(v).build(),
                    () -> Lion.builder().beta2(v).build(),
                    () -> RmsProp.builder().momentum(v).build());
            for (Supplier<BaseOptimizer> s : all) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::get);
                assertTrue(e.getMessage().contains(String.valueOf(v)), e.getMessage());
            }
        }
    }

    @Test
    void kindsAndBufferCountsFollowOneScheme() {
        record Case(BaseOptimizer opt, String kind, int buffers) {}
        List<Case> cases = List.of(
                new Case(Adagrad.builder().build(), "adagrad", 1),
                new Case(Adadelta.builder().build(), "adadelta", 2),
                new Case(Adamax.builder().build(), "adamax", 2),
                new Case(NAdam.builder().build(), "nadam", 2),
                new Case(RAdam.builder().build(), "radam", 2),
                new Case(Adam.builder().amsgrad(true).build(), "adam-amsgrad", 3),
                new Case(RmsProp.builder().centered(true).build(), "rmsprop-centered", 2),
                new Case(RmsProp.builder().momentum(0.5).build(), "rmsprop-momentum", 2),
                new Case(RmsProp.builder().centered(true).momentum(0.5).build(),
                        "rmsprop-centered-momentum", 3),
                new Case(Lion.builder().build(), "lion", 1));
        for (Case c : cases) {
            assertEquals(c.kind(), c.opt().kind());
            assertEquals(c.buffers(), c.opt().stateBuffersPerParameter(), c.kind());
            assertEquals(c.buffers(), c.opt().init(new double[3]).bufferCount(), c.kind());
        }
    }

    @Test
    void theRegistryBuildsEveryOptimizerByName() {
        for (String name : Optimizers.names()) {
            BaseOptimizer opt = Optimizers.create(name, Map.of("lr", "0.01"));
            assertEquals(0.01, opt.learningRate().valueAt(0), name);
        }
        BaseOptimizer adam = Optimizers.create("Adam", Map.of("beta1", "0.8", "amsgrad", "true",
                "clipNorm", "1.5", "skipNonFinite", "3", "weightDecay", "0.1"));
        assertEquals("adam-amsgrad", adam.kind());
        assertEquals(0.8, ((Adam) adam).beta1());
        assertEquals(3, adam.skipNonFinite());
        assertEquals(0.1, adam.weightDecay());
        assertEquals("adam", Optimizers.create("adamw", Map.of()).kind());
        assertTrue(Optimizers.create("adamw", Map.of()).decoupledWeightDecay());
        assertEquals("momentum-ema",
                Optimizers.create("momentum", Map.of("form", "ema")).kind());
        assertEquals("rmsprop-centered-momentum", Optimizers.create("rmsprop",
                Map.of("centered", "true", "momentum", "0.9")).kind());
        assertTrue(Optimizers.hyperparameters("nadam").contains("momentumDecay"));
        ScheduleFreeAdamW sf = (ScheduleFreeAdamW) Optimizers.create("schedule-free-adamw",
                Map.of("beta1", "0.95", "beta2", "0.99", "epsilon", "1e-6", "decayAtZ", "true",
                        "warmupSteps", "7", "r", "0.5", "weightLrPower", "1.5",
                        "weightDecay", "0.02"));
        assertEquals(0.95, sf.beta1());
        assertEquals(0.99, sf.beta2());
        assertEquals(1e-6, sf.epsilon());
        assertTrue(sf.decayAtZ());
        assertEquals(7, sf.warmupSteps());
        assertEquals(0.5, sf.r());
        assertEquals(1.5, sf.weightLrPower());
        assertEquals(0.02, sf.scheduleFreeWeightDecay());
        assertEquals(ScheduleFreeAdamW.DEFAULT_LEARNING_RATE,
                Optimizers.create("schedule-free-adamw", Map.of()).learningRate().valueAt(0));
        refused("warmupSteps must be an integer, got '2.5'",
                () -> Optimizers.create("schedule-free-adamw", Map.of("warmupSteps", "2.5")));
        refused("optimizer must be one of sgd, momentum, rmsprop, adam, adamw, amsgrad, adagrad,"
                + " adadelta, adamax, nadam, radam, lion, schedule-free-adamw, got adamx",
                () -> Optimizers.create("adamx", Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("lion", Map.of("beta3", "0.9")));
        assertTrue(e.getMessage().startsWith("unknown hyperparameter 'beta3' for lion; known: lr,"),
                e.getMessage());
        refused("beta1 must be a number, got 'x'",
                () -> Optimizers.create("adam", Map.of("beta1", "x")));
        refused("centered must be true or false, got 'yes'",
                () -> Optimizers.create("rmsprop", Map.of("centered", "yes")));
        refused("beta1 must be in [0, 1), got 2.0",
                () -> Optimizers.create("nadam", Map.of("beta1", "2")));
        refused("skipNonFinite must be an integer, got '1.5'",
                () -> Optimizers.create("sgd", Map.of("skipNonFinite", "1.5")));
    }
}
