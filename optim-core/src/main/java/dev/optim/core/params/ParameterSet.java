package dev.optim.core.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A named, ordered set of parameter tensors (a network's weights and biases), split into
 * {@link ParameterGroup}s, stepped as one by a {@link ParameterSetOptimizer}. The set holds the
 * caller's arrays (updated in place by each step) unless it was built {@link Builder#flat()
 * flat}, in which case it holds views of one buffer that it owns. The structure (names, order,
 * shapes, groups) is immutable; the values are not.
 *
 * <p>Every tensor is dense, FLOAT or DOUBLE, of one data type for the whole set, not empty, and
 * shares no memory with another tensor of the set. Names are unique and not empty.
 *
 * <pre>{@code
 * ParameterSet set = ParameterSet.builder()
 *         .add("w1", w1).add("b1", b1).add("w2", w2).add("b2", b2)
 *         .group("no-decay", GroupOverrides.builder().weightDecay(0).build(),
 *                 name -> name.startsWith("b"))
 *         .build();
 * GradientSet grads = set.zerosLikeGradients();
 * }</pre>
 *
 * <p>Groups: a tensor added with {@link Builder#add(String, INDArray, String)} is in the named
 * group; any other tensor is in the first group (in declaration order) whose member rule
 * accepts its name, or else in the group {@value #DEFAULT_GROUP}, listed first, which steps with
 * the optimizer's own settings.
 */
public final class ParameterSet {

    /** The name of the group of tensors placed in no other group. */
    public static final String DEFAULT_GROUP = "default";

    private final String[] names;
    private final INDArray[] tensors;
    private final int[] groupOf;
    private final List<ParameterGroup> groups;
    private final Map<String, Integer> index;
    private final DataType dataType;
    private final long length;
    private final long[] offsets;
    private final INDArray flat;

    private ParameterSet(String[] names, INDArray[] tensors, int[] groupOf,
            List<ParameterGroup> groups, INDArray flat) {
        this.names = names;
        this.tensors = tensors;
        this.groupOf = groupOf;
        this.groups = groups;
        this.flat = flat;
        this.dataType = tensors[0].dataType();
        this.index = new HashMap<>();
        this.offsets = new long[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
            offsets[i + 1] = offsets[i] + tensors[i].length();
        }
        this.length = offsets[names.length];
    }

    /**
     * A builder of an empty set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of tensors.
     *
     * @return the tensor count, at least 1
     */
    public int size() {
        return names.length;
    }

    /**
     * The tensors' names, in the set's order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /**
     * The name of tensor {@code i}.
     *
     * @param i the position, in {@code [0, size())}
     * @return the name
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public String name(int i) {
        return names[checkIndex(i)];
    }

    /**
     * The position of the tensor named {@code name}.
     *
     * @param name the name
     * @return the position, in {@code [0, size())}
     * @throws IllegalArgumentException if the set has no tensor of that name
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("the set has no tensor named '" + name
                    + "'; its tensors are " + names());
        }
        return i;
    }

    /**
     * Whether the set has a tensor named {@code name}.
     *
     * @param name the name
     * @return true if it has
     */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /**
     * The tensor named {@code name}: the caller's array, or the set's view for a flat set.
     *
     * @param name the name
     * @return the tensor, updated in place by each step
     * @throws IllegalArgumentException if the set has no tensor of that name
     */
    public INDArray tensor(String name) {
        return tensors[indexOf(name)];
    }

    /**
     * Tensor {@code i}.
     *
     * @param i the position, in {@code [0, size())}
     * @return the tensor
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public INDArray tensor(int i) {
        return tensors[checkIndex(i)];
    }

    /**
     * The groups: {@value #DEFAULT_GROUP} first, then the declared groups in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<ParameterGroup> groups() {
        return groups;
    }

    /**
     * The group of the tensor named {@code name}.
     *
     * @param name the tensor's name
     * @return its group
     * @throws IllegalArgumentException if the set has no tensor of that name
     */
    public ParameterGroup groupOf(String name) {
        return groups.get(groupOf[indexOf(name)]);
    }

    /** The index into {@link #groups()} of tensor {@code i}'s group. */
    int groupIndex(int i) {
        return groupOf[i];
    }

    /**
     * The data type of every tensor.
     *
     * @return FLOAT or DOUBLE
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The number of parameters, summed over the tensors.
     *
     * @return the total length
     */
    public long length() {
        return length;
    }

    /**
     * Where tensor {@code i} starts in the set's element order: the sum of the lengths before
     * it, its offset in {@link #flatView()} for a flat set.
     *
     * @param i the position, in {@code [0, size()]} ({@code size()} gives {@link #length()})
     * @return the element offset
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public long offset(int i) {
        if (i < 0 || i > names.length) {
            throw new IllegalArgumentException("i must be in [0, " + names.length + "], got " + i);
        }
        return offsets[i];
    }

    /**
     * Whether every tensor is a view of one buffer that the set owns ({@link Builder#flat()}).
     *
     * @return true for a flat set
     */
    public boolean isFlat() {
        return flat != null;
    }

    /**
     * The buffer that every tensor of a flat set views: a row vector of {@link #length()}
     * elements, tensor {@code i} at {@link #offset(int) offset(i)} in row-major order.
     *
     * @return the buffer, shared with the tensors
     * @throws IllegalStateException if the set is not flat
     */
    public INDArray flatView() {
        if (flat == null) {
            throw new IllegalStateException("the set is not flat; build it with flat()");
        }
        return flat;
    }

    /**
     * New gradient tensors for this set, zeroed: the same names, shapes, data type and memory
     * ordering; views of one buffer if the set is flat.
     *
     * @return the gradient set
     */
    public GradientSet zerosLikeGradients() {
        INDArray[] g = new INDArray[tensors.length];
        INDArray buffer = null;
        if (flat != null) {
            buffer = Nd4j.zeros(dataType, 1, length);
            for (int i = 0; i < g.length; i++) {
                g[i] = Flat.view(buffer, offsets[i], tensors[i].shape());
            }
        } else {
            for (int i = 0; i < g.length; i++) {
                INDArray t = tensors[i];
                g[i] = Nd4j.createUninitialized(dataType, t.shape(), t.ordering());
                g[i].assign(0);
            }
        }
        return new GradientSet(this, g, buffer);
    }

    /**
     * Gradient tensors for this set from arrays the caller owns (for instance those an autodiff
     * framework writes), checked: one per tensor of the set, by name, each of its tensor's shape,
     * data type and memory ordering, dense, and sharing no memory with the parameters.
     *
     * @param gradients the gradient of each tensor, by name
     * @return the gradient set, holding the given arrays
     * @throws IllegalArgumentException naming the first tensor whose gradient is missing or
     *     does not fit, or a name that is not in the set
     */
    public GradientSet gradients(Map<String, INDArray> gradients) {
        if (gradients == null) {
            throw new IllegalArgumentException("gradients must not be null");
        }
        for (String name : gradients.keySet()) {
            if (!contains(name)) {
                throw new IllegalArgumentException("gradient '" + name
                        + "' is for no tensor of the set; its tensors are " + names());
            }
        }
        INDArray[] g = new INDArray[tensors.length];
        for (int i = 0; i < g.length; i++) {
            INDArray gi = gradients.get(names[i]);
            if (gi == null) {
                throw new IllegalArgumentException("no gradient for tensor '" + names[i] + "'");
            }
            g[i] = gi;
        }
        GradientSet set = new GradientSet(this, g, null);
        set.validate();
        return set;
    }

    /**
     * Whether {@code other} has the same structure: names in the same order, shapes, data type
     * and groups (names and members).
     */
    boolean sameStructure(ParameterSet other) {
        if (other == this) {
            return true;
        }
        if (other.size() != size() || other.dataType != dataType
                || other.groups.size() != groups.size()) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(other.names[i])
                    || !Arrays.equals(tensors[i].shape(), other.tensors[i].shape())
                    || !groups.get(groupOf[i]).name().equals(
                            other.groups.get(other.groupOf[i]).name())) {
                return false;
            }
        }
        return true;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= names.length) {
            throw new IllegalArgumentException("i must be in [0, " + names.length + "), got " + i);
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ParameterSet[" + names.length + " tensors, " + length
                + " " + dataType + (flat != null ? ", flat" : "") + "; groups");
        for (ParameterGroup g : groups) {
            s.append(' ').append(g.name()).append('(').append(g.members().size()).append(')');
        }
        return s.append(']').toString();
    }

    /** Builds a {@link ParameterSet}. */
    public static final class Builder {
        private final Map<String, INDArray> tensors = new LinkedHashMap<>();
        private final Map<String, String> explicitGroup = new HashMap<>();
        private final Map<String, GroupOverrides> groupOverrides = new LinkedHashMap<>();
        private final Map<String, Predicate<String>> groupRules = new HashMap<>();
        private boolean flat;

        private Builder() {}

        /**
         * Adds a tensor, placed in the first declared group whose rule accepts its name, or else
         * in {@value ParameterSet#DEFAULT_GROUP}.
         *
         * @param name the tensor's name; unique, not empty
         * @param tensor the tensor; dense, FLOAT or DOUBLE, not empty
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or taken, or the tensor is not
         *     as required
         */
        public Builder add(String name, INDArray tensor) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("tensor name must not be null or empty");
            }
            if (name.length() > 1000) {
                throw new IllegalArgumentException("tensor name must be at most 1000 characters, got "
                        + name.length());
            }
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("tensor name '" + name + "' is used twice");
            }
            tensors.put(name, Layouts.tensor("tensor '" + name + "'", tensor));
            return this;
        }

        /**
         * Adds a tensor to the named group, which must be declared by {@link #group} before
         * {@link #build()}.
         *
         * @param name the tensor's name; unique, not empty
         * @param tensor the tensor; dense, FLOAT or DOUBLE, not empty
         * @param group the group's name
         * @return this builder
         * @throws IllegalArgumentException as {@link #add(String, INDArray)}, or if
         *     {@code group} is null
         */
        public Builder add(String name, INDArray tensor, String group) {
            if (group == null) {
                throw new IllegalArgumentException("group of tensor '" + name
                        + "' must not be null");
            }
            add(name, tensor);
            explicitGroup.put(name, group);
            return this;
        }

        /**
         * Declares a group that holds the tensors added to it by name.
         *
         * @param name the group's name; unique, not empty, not {@value ParameterSet#DEFAULT_GROUP}
         * @param overrides what the group changes in the optimizer
         * @return this builder
         * @throws IllegalArgumentException if the name is empty, reserved or taken, or
         *     {@code overrides} is null
         */
        public Builder group(String name, GroupOverrides overrides) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("group name must not be null or empty");
            }
            if (name.equals(DEFAULT_GROUP)) {
                throw new IllegalArgumentException("group name '" + DEFAULT_GROUP
                        + "' is reserved for the tensors in no other group");
            }
            if (name.length() > 1000) {
                throw new IllegalArgumentException("group name must be at most 1000 characters, got "
                        + name.length());
            }
            if (groupOverrides.containsKey(name)) {
                throw new IllegalArgumentException("group name '" + name + "' is used twice");
            }
            if (overrides == null) {
                throw new IllegalArgumentException("overrides of group '" + name
                        + "' must not be null");
            }
            groupOverrides.put(name, overrides);
            return this;
        }

        /**
         * Declares a group that also holds every tensor, not added to a group by name, whose
         * name {@code members} accepts (the first such group wins), as Optax's
         * {@code partition} with a labelling function.
         *
         * @param name the group's name; as {@link #group(String, GroupOverrides)}
         * @param overrides what the group changes in the optimizer
         * @param members the rule on tensor names
         * @return this builder
         * @throws IllegalArgumentException as {@link #group(String, GroupOverrides)}, or if
         *     {@code members} is null
         */
        public Builder group(String name, GroupOverrides overrides, Predicate<String> members) {
            if (members == null) {
                throw new IllegalArgumentException("members rule of group '" + name
                        + "' must not be null");
            }
            group(name, overrides);
            groupRules.put(name, members);
            return this;
        }

        /**
         * Makes the set own one buffer that all its tensors view, the given tensors' values
         * copied into it in order: the set's {@link ParameterSet#tensor(String) tensors} are
         * then new views ('c' order), and the arrays passed to {@link #add} are not updated by
         * steps. A flat set's steps may run as a few long passes instead of one per tensor.
         *
         * @return this builder
         */
        public Builder flat() {
            this.flat = true;
            return this;
        }

        /**
         * Builds the set.
         *
         * @return the set
         * @throws IllegalArgumentException if the set is empty, mixes data types, names an
         *     undeclared group, or two tensors share memory (not checked for a flat set, which
         *     copies them)
         */
        public ParameterSet build() {
            if (tensors.isEmpty()) {
                throw new IllegalArgumentException("a parameter set needs at least one tensor");
            }
            int n = tensors.size();
            String[] names = tensors.keySet().toArray(new String[0]);
            INDArray[] arrays = tensors.values().toArray(new INDArray[0]);
            DataType type = arrays[0].dataType();
            for (int i = 1; i < n; i++) {
                if (arrays[i].dataType() != type) {
                    throw new IllegalArgumentException("tensor '" + names[i] + "' is "
                            + arrays[i].dataType() + " but tensor '" + names[0] + "' is " + type
                            + "; a set holds one data type");
                }
            }
            List<String> groupNames = new ArrayList<>();
            groupNames.add(DEFAULT_GROUP);
            groupNames.addAll(groupOverrides.keySet());
            for (Map.Entry<String, String> e : explicitGroup.entrySet()) {
                if (!groupOverrides.containsKey(e.getValue())
                        && !e.getValue().equals(DEFAULT_GROUP)) {
                    throw new IllegalArgumentException("tensor '" + e.getKey()
                            + "' is added to group '" + e.getValue()
                            + "', which is not declared; declared groups are " + groupNames);
                }
            }
            int[] groupOf = new int[n];
            List<List<String>> members = new ArrayList<>();
            for (int g = 0; g < groupNames.size(); g++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                String g = explicitGroup.get(names[i]);
                if (g == null) {
                    g = DEFAULT_GROUP;
                    for (String candidate : groupOverrides.keySet()) {
                        Predicate<String> rule = groupRules.get(candidate);
                        if (rule != null && rule.test(names[i])) {
                            g = candidate;
                            break;
                        }
                    }
                }
                groupOf[i] = groupNames.indexOf(g);
                members.get(groupOf[i]).add(names[i]);
            }
            List<ParameterGroup> groups = new ArrayList<>();
            for (int g = 0; g < groupNames.size(); g++) {
                String name = groupNames.get(g);
                groups.add(new ParameterGroup(name, g == 0 ? GroupOverrides.none()
                        : groupOverrides.get(name), members.get(g)));
            }
            INDArray buffer = null;
            if (flat) {
                long total = 0;
                for (INDArray a : arrays) {
                    total += a.length();
                }
                buffer = Nd4j.createUninitialized(type, 1, total);
                long offset = 0;
                for (int i = 0; i < n; i++) {
                    INDArray view = Flat.view(buffer, offset, arrays[i].shape());
                    view.assign(arrays[i]);
                    offset += arrays[i].length();
                    arrays[i] = view;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        if (Layouts.overlap(arrays[i], arrays[j])) {
                            throw new IllegalArgumentException("tensors '" + names[j] + "' and '"
                                    + names[i] + "' share memory; a set's tensors must not"
                                    + " overlap (pass a dup() of one)");
                        }
                    }
                }
            }
            return new ParameterSet(names, arrays, groupOf, List.copyOf(groups), buffer);
        }
    }
}
