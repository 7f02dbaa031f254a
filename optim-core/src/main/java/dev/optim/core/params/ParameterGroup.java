package dev.optim.core.params;

import java.util.List;

/**
 * One group of a {@link ParameterSet}: a name, the {@link GroupOverrides} that its tensors are
 * stepped with, and the names of its tensors in the set's order. Every tensor of a set is in
 * exactly one group; tensors not placed elsewhere are in the group named
 * {@value ParameterSet#DEFAULT_GROUP}, which has no overrides. Immutable.
 *
 * @param name the group's name
 * @param overrides what the group changes in the set's optimizer
 * @param members the names of the group's tensors, in the set's order; may be empty
 */
public record ParameterGroup(String name, GroupOverrides overrides, List<String> members) {

    /**
     * Validates and copies the group.
     *
     * @param name the group's name; not empty
     * @param overrides the overrides; not null
     * @param members the tensor names; copied
     * @throws IllegalArgumentException if an argument is null or the name is empty
     */
    public ParameterGroup {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("group name must not be null or empty");
        }
        if (overrides == null) {
            throw new IllegalArgumentException("overrides of group '" + name
                    + "' must not be null");
        }
        if (members == null) {
            throw new IllegalArgumentException("members of group '" + name
                    + "' must not be null");
        }
        members = List.copyOf(members);
    }
}
