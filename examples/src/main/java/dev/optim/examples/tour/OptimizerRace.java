package dev.optim.examples.tour;

import dev.optim.core.Optimizer;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.schedule.Schedules;
import dev.optim.examples.experiment.Race;
import dev.optim.examples.experiment.Racer;
import dev.optim.examples.experiment.RacerSpec;
import dev.optim.examples.experiment.Surfaces;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Point 4: the optimizer race (GD, Momentum, RMSprop, Adam) on the article's four landscapes,
 * himmelblau, styblinski-tang, rosenbrock and goldstein-price, each with learning-rate decay off
 * and on (the article's inverse-time decay {@code lr/(1 + D·k)}). Momentum is heavy-ball with
 * μ = 0.9 and RMSprop ρ = 0.9, as the article's code; Adam (0.9, 0.999). Each landscape has its
 * own rates (its gradients differ by orders of magnitude) and start. On goldstein-price GD stops
 * in the local minimum near (−0.6, −0.4) while Momentum, at the same rate, carries on to the
 * global one: the article's "inappropriate local minimum". {@code optim tour --racer
 * NAME[:K=V,...]} races any optimizers of the catalogue instead ({@link TourSettings#racers()}),
 * each at its own rate on every landscape.
 */
final class OptimizerRace implements TourStep {

    /**
     * One landscape's race.
     *
     * @param name the landscape
     * @param start the common start
     * @param rates GD, Momentum, RMSprop, Adam
     * @param decay the inverse-time decay D of the "decay on" race
     * @param why why the start is not the article's (0, 0), for the subtitle and summary; empty
     *     if it is
     */
    record Setup(String name, double[] start, double[] rates, double decay, String why) {}

    /**
     * The races. Starts are the article's (0, 0) except where that hides the point: on
     * goldstein-price (0, 0) lies on a ridge; styblinski-tang is symmetric in x0 and x1, so from
     * (0, 0), on the diagonal, every optimizer moves along the diagonal and the four paths
     * coincide: from (4.5, −1), off it, GD, RMSprop and Adam settle in the local minimum near
     * (2.75, −2.9) while Momentum's overshoot carries x0 over the ridge to the global one at
     * (−2.9, −2.9); rosenbrock from (0, 0)
     * is already at the valley floor, so all four paths are stacked along it: (−1.2, 1), the
     * classic start, is up the far wall of the valley. GD and Momentum share a rate, so the
     * difference is momentum's alone.
     */
    static final List<Setup> SETUPS = List.of(
            new Setup("himmelblau", new double[] {0, 0},
                    new double[] {0.01, 0.01, 0.02, 0.05}, 0.02, ""),
            new Setup("styblinski-tang", new double[] {4.5, -1},
                    new double[] {0.01, 0.01, 0.02, 0.05}, 0.02,
                    "off the symmetry diagonal, where the paths coincide"),
            new Setup("rosenbrock", new double[] {-1.2, 1},
                    new double[] {0.002, 0.002, 0.01, 0.02}, 0.01,
                    "off the valley floor, where the paths stack"),
            new Setup("goldstein-price", new double[] {-0.5, 0.25},
                    new double[] {1e-5, 1e-5, 0.005, 0.01}, 0.01,
                    "off the ridge through (0, 0)"));

    @Override
    public String title() {
        return "optimizer race on four landscapes, decay off and on";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        int steps = ctx.settings().pick(500, 100);
        int res = ctx.settings().pick(150, 40);
        List<String> pictures = new ArrayList<>();
        List<RacerSpec> specs = ctx.settings().racers();
        StringBuilder result = new StringBuilder("final distance to the nearest global minimum"
                + " (" + (specs.isEmpty() ? "GD/Momentum/RMSprop/Adam" : labels(specs))
                + "), decay off | on: ");
        for (Setup s : SETUPS) {
            Landscape l = Landscapes.byName(s.name());
            Surface surface = Surfaces.ofLandscape(l, res);
            result.append(s.name()).append(s.why().isEmpty() ? " "
                    : " (from " + Numbers.point4(s.start()) + ": " + s.why() + ") ");
            for (boolean decay : new boolean[] {false, true}) {
                DoubleFunction<Schedule> schedule = decay
                        ? lr -> Schedules.inverseTimeDecay(lr, s.decay()) : Schedule::constant;
                List<Race.Entry> entries = specs.isEmpty()
                        ? Race.run(l, s.start(), steps, optimizers(s, schedule))
                        : Race.runRacers(l, s.start(), steps, racers(specs, steps, schedule));
                String subtitle = steps + " steps from " + Numbers.point4(s.start())
                        + (s.why().isEmpty() ? "" : " (" + s.why() + ")")
                        + (decay ? "; learning-rate decay lr/(1 + " + Numbers.sig4(s.decay())
                                + "·k)" : "; constant learning rates");
                String file = "4-race-" + s.name() + (decay ? "-decay" : "") + ".png";
                pictures.add(ctx.png(file, Race.chart(l, surface, s.start(), entries,
                        "Optimizer race on " + s.name() + (decay ? ", with decay" : ""),
                        subtitle)));
                for (int i = 0; i < entries.size(); i++) {
                    Race.Entry e = entries.get(i);
                    result.append(i == 0 ? "" : "/").append(e.diverged() ? "diverged"
                            : Numbers.sig4(Race.nearestMinimum(l, e.result().parameters())));
                }
                result.append(decay ? "; " : " | ");
            }
        }
        result.setLength(result.length() - 2);
        return List.of(new Finding(4, "the optimizer, with and without learning-rate decay",
                result.toString(), pictures));
    }

    /**
     * The racers of {@code --racer}, each at its own rate ({@code lr}, or its default) on every
     * landscape, the schedule applied to it; L-BFGS, which takes no schedule, runs without decay
     * in both races and says so in its label.
     */
    static List<Racer> racers(List<RacerSpec> specs, long steps, DoubleFunction<Schedule> lr) {
        List<Racer> racers = new ArrayList<>();
        for (RacerSpec spec : specs) {
            boolean lineSearch = spec.name().equals("lbfgs");
            Racer r = spec.build(steps, lineSearch ? null : lr);
            racers.add(lineSearch ? new Racer(r.label() + " (no decay)", null, r.lineSearch()) : r);
        }
        return racers;
    }

    private static String labels(List<RacerSpec> specs) {
        StringBuilder b = new StringBuilder();
        for (RacerSpec spec : specs) {
            b.append(b.length() == 0 ? "" : "/").append(spec.label());
        }
        return b.toString();
    }

    static java.util.Map<String, Optimizer> optimizers(Setup s, DoubleFunction<Schedule> lr) {
        return Race.four(
                Sgd.builder().learningRate(lr.apply(s.rates()[0])).build(),
                Momentum.builder().learningRate(lr.apply(s.rates()[1])).momentum(0.9)
                        .form(Momentum.Form.HEAVY_BALL).build(),
                RmsProp.builder().learningRate(lr.apply(s.rates()[2])).rho(0.9).build(),
                Adam.builder().learningRate(lr.apply(s.rates()[3])).build());
    }

}
