package dev.optim.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rules as a user first writes them with ND4J: a chain of element-wise ops, each
 * allocating its result where the natural call does.
 */
final class NaiveChains {

    private NaiveChains() {}

    /** Update {@code t} (1 for the first) of the named optimizer. */
    static void step(String name, INDArray p, INDArray g, INDArray s0, INDArray s1, long t) {
        switch (name) {
            case "sgd" -> p.subi(g.mul(Workload.SGD_LR));
            case "momentum" -> {
                s0.muli(Workload.MOMENTUM).addi(g);
                p.subi(g.add(s0.mul(Workload.MOMENTUM)).muli(Workload.MOMENTUM_LR));
            }
            case "rmsprop" -> {
                s0.muli(Workload.RHO).addi(g.mul(g).muli(1 - Workload.RHO));
                p.subi(g.mul(Workload.RMSPROP_LR)
                        .divi(Transforms.sqrt(s0, true).addi(Workload.EPSILON)));
            }
            case "adam" -> {
                s0.muli(Workload.BETA1).addi(g.mul(1 - Workload.BETA1));
                s1.muli(Workload.BETA2).addi(g.mul(g).muli(1 - Workload.BETA2));
                INDArray mHat = s0.div(1 - Math.pow(Workload.BETA1, t));
                INDArray vHat = s1.div(1 - Math.pow(Workload.BETA2, t));
                p.subi(mHat.muli(Workload.ADAM_LR)
                        .divi(Transforms.sqrt(vHat, false).addi(Workload.EPSILON)));
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }
}
