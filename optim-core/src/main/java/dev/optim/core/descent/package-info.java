/**
 * The descent loop: {@link dev.optim.core.descent.Descent} runs an optimizer on an objective
 * from a start point until a stop rule holds, records a {@link dev.optim.core.descent.Trajectory}
 * and says why it stopped ({@link dev.optim.core.descent.StopReason}). It never hands back
 * non-finite parameters as if they were a result.
 */
package dev.optim.core.descent;
