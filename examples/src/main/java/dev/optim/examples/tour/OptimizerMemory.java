package dev.optim.examples.tour;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.plot.BarChart;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Point 7: the memory each optimizer keeps per parameter, as the article's table lists it
 * (SGD the least, then Momentum, then RMSprop, Adam the most). The buffer count comes from
 * {@link Optimizer#stateBuffersPerParameter()}; the bytes are measured on a state made for a
 * parameter array of each data type ({@link OptimizerState#bytes()}).
 */
final class OptimizerMemory implements TourStep {

    @Override
    public String title() {
        return "optimizer state memory per parameter";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", Sgd.of(0.01));
        optimizers.put("Momentum", Momentum.builder().build());
        optimizers.put("RMSprop", RmsProp.builder().build());
        optimizers.put("Adam", Adam.builder().build());
        int n = ctx.settings().pick(1_000_000, 10_000);
        BarChart.Builder chart = BarChart.builder("Optimizer state per parameter", "optimizer",
                "bytes of state per parameter").subtitle("measured on states for " + n
                + " parameters; buffers per parameter: SGD 0, Momentum 1, RMSprop 1, Adam 2");
        StringBuilder result = new StringBuilder("state buffers per parameter (bytes in float32/"
                + "float64): ");
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            int buffers = e.getValue().stateBuffersPerParameter();
            double[] bytes = new double[2];
            DataType[] types = {DataType.FLOAT, DataType.DOUBLE};
            for (int t = 0; t < 2; t++) {
                INDArray params = Nd4j.zeros(types[t], n);
                OptimizerState state = e.getValue().init(params);
                bytes[t] = (double) state.bytes() / n;
                chart.bar(types[t] == DataType.FLOAT ? "float32" : "float64", e.getKey(), bytes[t]);
            }
            result.append(e.getKey()).append(' ').append(buffers).append(" (")
                    .append((long) bytes[0]).append('/').append((long) bytes[1]).append("), ");
        }
        result.setLength(result.length() - 2);
        String name = ctx.png("7-optimizer-memory.png", chart.build());
        return List.of(new Finding(7, "memory per parameter", result.toString(),
                List.of(name)));
    }
}
