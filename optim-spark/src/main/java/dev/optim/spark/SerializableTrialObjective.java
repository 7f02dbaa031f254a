package dev.optim.spark;

import dev.optim.search.TrialObjective;
import java.io.Serializable;

/**
 * A {@link TrialObjective} that Spark can ship to its executors. Write it as a lambda or a static
 * nested class that captures only serializable values (the data's location, not the data).
 */
@FunctionalInterface
public interface SerializableTrialObjective extends TrialObjective, Serializable {}
