package dev.optim.core.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The structure of a parameter set: names, groups, flat views, gradients, and refusals. */
class ParameterSetTest {

    private static void refused(Runnable r, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '" + f
                    + "'");
        }
    }

    @Test
    void groupsAreAssignedByNameThenRuleThenDefault() {
        GroupOverrides noDecay = GroupOverrides.builder().weightDecay(0).build();
        GroupOverrides slow = GroupOverrides.builder().learningRate(1e-4).build();
        ParameterSet set = ParameterSet.builder()
                .add("w1", Nd4j.rand(DataType.DOUBLE, 2, 2))
                .add("b1", Nd4j.rand(DataType.DOUBLE, 2))
                .add("head.w", Nd4j.rand(DataType.DOUBLE, 2, 2), "head")
                .add("head.b", Nd4j.rand(DataType.DOUBLE, 2))
                .group("biases", noDecay, n -> n.endsWith("b") || n.startsWith("b"))
                .group("head", slow)
                .build();
        assertEquals(List.of("w1", "b1", "head.w", "head.b"), set.names());
        assertEquals(List.of("default", "biases", "head"),
                set.groups().stream().map(ParameterGroup::name).toList());
        assertEquals(List.of("w1"), set.groups().get(0).members());
        assertEquals(List.of("b1", "head.b"), set.groups().get(1).members());
        assertEquals(List.of("head.w"), set.groups().get(2).members());
        assertSame(noDecay, set.groupOf("head.b").overrides());
        assertSame(GroupOverrides.none(), set.groupOf("w1").overrides());
        assertEquals(4 + 2 + 4 + 2, set.length());
        assertEquals(6, set.offset(2));
        assertEquals(2, set.indexOf("head.w"));
    }

    @Test
    void aSetHoldsTheCallersArraysUnlessFlat() {
        INDArray w = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.rand(DataType.FLOAT, 4);
        ParameterSet plain = ParameterSet.builder().add("w", w).add("b", b).build();
        assertSame(w, plain.tensor("w"));
        assertFalse(plain.isFlat());
        assertThrows(IllegalStateException.class, plain::flatView);

        ParameterSet flat = ParameterSet.builder().add("w", w).add("b", b).flat().build();
        assertTrue(flat.isFlat());
        assertNotSame(w, flat.tensor("w"));
        assertEquals(w, flat.tensor("w"));
        assertEquals(b, flat.tensor("b"));
        INDArray buffer = flat.flatView();
        assertArrayEquals(new long[] {1, 16}, buffer.shape());
        // The tensors are views: writing the buffer changes them, and the reverse.
        buffer.putScalar(0, 13, 7f);
        assertEquals(7f, flat.tensor("b").getFloat(1));
        flat.tensor("w").putScalar(1, 0, -2f);
        assertEquals(-2f, buffer.getFloat(0, 4));
        assertEquals(w.getFloat(0, 0), flat.tensor("w").getFloat(0, 0));

        GradientSet g = flat.zerosLikeGradients();
        assertTrue(g.isFlat());
        g.flatView().assign(1);
        assertEquals(1f, g.tensor("w").getFloat(2, 3));
        assertEquals(4.0, g.globalNorm(), 0);
        g.zero();
        assertEquals(0.0, g.globalNorm(), 0);
    }

    @Test
    void gradientsFromTheCallersArraysAreChecked() {
        INDArray w = Nd4j.rand(DataType.DOUBLE, 'f', 3, 4);
        ParameterSet set = ParameterSet.builder().add("w", w).add("b",
                Nd4j.rand(DataType.DOUBLE, 4)).build();
        INDArray gw = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {3, 4}, 'f').assign(0);
        INDArray gb = Nd4j.zeros(DataType.DOUBLE, 4);
        GradientSet g = set.gradients(Map.of("w", gw, "b", gb));
        assertSame(gw, g.tensor("w"));
        refused(() -> set.gradients(Map.of("w", gw)), "no gradient for tensor 'b'");
        refused(() -> set.gradients(Map.of("w", gw, "b", gb, "c", gb)), "gradient 'c'");
        refused(() -> set.gradients(Map.of("w", Nd4j.zeros(DataType.DOUBLE, 4, 3), "b", gb)),
                "gradient 'w' has shape [4, 3]", "[3, 4]");
        refused(() -> set.gradients(Map.of("w", gw, "b", Nd4j.zeros(DataType.FLOAT, 4))),
                "gradient 'b' is FLOAT");
        refused(() -> set.gradients(Map.of("w", Nd4j.zeros(DataType.DOUBLE, 3, 4), "b", gb)), "gradient 'w' has memory order 'c'");
        refused(() -> set.gradients(Map.of("w", gw, "b", set.tensor("b"))),
                "gradient 'b' shares memory with tensor 'b'");
        GradientSet zeros = set.zerosLikeGradients();
        assertEquals('f', zeros.tensor("w").ordering());
        assertEquals(0.0, zeros.globalNorm(), 0);
    }

    @Test
    void badSetsAreRefusedNamingTheTensor() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 4, 4);
        refused(() -> ParameterSet.builder().build(), "at least one tensor");
        refused(() -> ParameterSet.builder().add("", a), "name");
        refused(() -> ParameterSet.builder().add("a", a).add("a", a.dup()), "'a' is used twice");
        refused(() -> ParameterSet.builder().add("a", null), "tensor 'a' must not be null");
        refused(() -> ParameterSet.builder().add("i", Nd4j.zeros(DataType.INT, 3)),
                "tensor 'i' must be FLOAT or DOUBLE");
        refused(() -> ParameterSet.builder().add("v", a.get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, 2))), "tensor 'v' must be a dense array");
        refused(() -> ParameterSet.builder().add("a", a).add("f", Nd4j.rand(DataType.FLOAT, 2))
                .build(), "tensor 'f' is FLOAT", "one data type");
        refused(() -> ParameterSet.builder().add("a", a).add("b", a).build(),
                "tensors 'a' and 'b' share memory");
        refused(() -> ParameterSet.builder().add("a", a).add("r", a.getRow(1)).build(),
                "tensors 'a' and 'r' share memory");
        refused(() -> ParameterSet.builder().add("a", a, "nope").build(),
                "tensor 'a' is added to group 'nope', which is not declared");
        refused(() -> ParameterSet.builder().group("default", GroupOverrides.none()),
                "'default' is reserved");
        refused(() -> ParameterSet.builder().group("g", GroupOverrides.none())
                .group("g", GroupOverrides.none()), "group name 'g' is used twice");
        refused(() -> ParameterSet.builder().add("a", a).build().tensor("b"),
                "no tensor named 'b'");
        // Disjoint rows of one buffer are fine.
        ParameterSet rows = ParameterSet.builder().add("r0", a.getRow(0)).add("r1", a.getRow(1))
                .build();
        assertEquals(8, rows.length());
        // A flat set copies, so sharing inputs is fine there.
        assertEquals(32, ParameterSet.builder().add("a", a).add("b", a).flat().build().length());
    }
}
