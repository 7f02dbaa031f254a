package dev.optim.examples.tour;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.Swats;
import dev.optim.examples.plot.BarChart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Point 7: the memory each optimizer keeps per parameter, as the article's table lists it for its
 * four (SGD the least, then Momentum, then RMSprop, Adam the most), and for every first-order
 * optimizer of the catalogue: RMSprop's centered and momentum options, AdamW, AMSGrad, Adagrad,
 * Adadelta, Adamax, NAdam, RAdam, Lion, SWATS, Schedule-Free AdamW and Lookahead around Adam. The
 * buffer count comes from each optimizer's {@link Optimizer#stateBuffersPerParameter()}; the
 * bytes are measured on a state made for a parameter array of each data type
 * ({@link OptimizerState#bytes()}). L-BFGS keeps no per-parameter state of this kind (its
 * {@code 2·historySize} curvature vectors live in its run), so it is not drawn.
 */
final class OptimizerMemory implements TourStep {

    /**
     * One bar group: an optimizer, its buffer count, and the bytes per parameter of its state
     * for float32 and float64 parameters.
     *
     * @param name the label
     * @param buffers {@link Optimizer#stateBuffersPerParameter()}
     * @param bytesFloat32 measured bytes per parameter, float32 parameters
     * @param bytesFloat64 measured bytes per parameter, float64 parameters
     */
    record Row(String name, int buffers, double bytesFloat32, double bytesFloat64) {}

    @Override
    public String title() {
        return "optimizer state memory per parameter";
    }

    /**
     * The optimizers drawn, by label, in the article's order first.
     *
     * @return the ordered map
     */
    static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> o = new LinkedHashMap<>();
        o.put("SGD", Sgd.of(0.01));
        o.put("Momentum", Momentum.builder().build());
        o.put("RMSprop", RmsProp.builder().build());
        o.put("Adam", Adam.builder().build());
        o.put("RMSprop centered", RmsProp.builder().centered(true).build());
        o.put("RMSprop momentum", RmsProp.builder().momentum(0.9).build());
        o.put("RMSprop centered+momentum", RmsProp.builder().centered(true).momentum(0.9).build());
        for (String name : List.of("adamw", "amsgrad", "adagrad", "adadelta", "adamax", "nadam",
                "radam", "lion")) {
            o.put(DISPLAY.get(name), Optimizers.create(name, Map.of()));
        }
        o.put("SWATS", Swats.builder().build());
        o.put("Schedule-Free AdamW", ScheduleFreeAdamW.builder().build());
        o.put("Lookahead(Adam)", Lookahead.builder(Adam.builder().build()).build());
        return o;
    }

    private static final Map<String, String> DISPLAY = Map.of("adamw", "AdamW", "amsgrad",
            "AMSGrad", "adagrad", "Adagrad", "adadelta", "Adadelta", "adamax", "Adamax", "nadam",
            "NAdam", "radam", "RAdam", "lion", "Lion");

    /**
     * Measures every optimizer's state on {@code n} parameters of each data type.
     *
     * @param n the number of parameters
     * @return one row per optimizer, in {@link #optimizers()}'s order
     */
    static List<Row> measure(int n) {
        List<Row> rows = new ArrayList<>();
        DataType[] types = {DataType.FLOAT, DataType.DOUBLE};
        for (Map.Entry<String, Optimizer> e : optimizers().entrySet()) {
            double[] bytes = new double[2];
            for (int t = 0; t < 2; t++) {
                INDArray params = Nd4j.zeros(types[t], n);
                OptimizerState state = e.getValue().init(params);
                bytes[t] = (double) state.bytes() / n;
            }
            rows.add(new Row(e.getKey(), e.getValue().stateBuffersPerParameter(), bytes[0],
                    bytes[1]));
        }
        return rows;
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        int n = ctx.settings().pick(1_000_000, 10_000);
        List<Row> rows = measure(n);
        BarChart.Builder chart = BarChart.builder("Optimizer state per parameter", "optimizer",
                "bytes of state per parameter").horizontal().subtitle("measured on states for "
                + n + " parameters; state buffers per parameter in parentheses (SWATS keeps"
                + " float64 buffers for float32 parameters)");
        StringBuilder result = new StringBuilder("state buffers per parameter (bytes in float32/"
                + "float64): ");
        for (Row r : rows) {
            String label = r.name() + " (" + r.buffers() + ")";
            chart.bar("float32", label, r.bytesFloat32());
            chart.bar("float64", label, r.bytesFloat64());
            result.append(r.name()).append(' ').append(r.buffers()).append(" (")
                    .append((long) r.bytesFloat32()).append('/').append((long) r.bytesFloat64())
                    .append("), ");
        }
        result.setLength(result.length() - 2);
        String name = ctx.png("7-optimizer-memory.png", chart.build());
        return List.of(new Finding(7, "memory per parameter", result.toString(),
                List.of(name)));
    }
}
