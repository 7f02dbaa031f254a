package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.*;

import dev.optim.core.OptimizerState;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostMemorySmokeTest {
    @Test
    void sgdOnRowView() {
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray row = m.getRow(1);
        INDArray g = Nd4j.createFromArray(1.0, 1.0, 1.0);
        Sgd sgd = Sgd.of(0.5);
        OptimizerState s = sgd.init(row);
        sgd.step(row, g, s);
        assertArrayEquals(new double[] {1, 2, 3, 3.5, 4.5, 5.5}, m.data().asDouble(), 0);
        INDArray col = m.getColumn(1);
        assertThrows(IllegalArgumentException.class, () -> sgd.init(col));
        INDArray f = Nd4j.createFromArray(new float[] {1f, 2f});
        OptimizerState sf = sgd.init(f);
        sgd.step(f, Nd4j.createFromArray(new float[] {2f, 2f}), sf);
        assertArrayEquals(new float[] {0f, 1f}, f.toFloatVector(), 0f);
        System.out.println(m.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)).offset());
    }
}
