/**
 * Learning-rate (and batch-size) schedules: pure functions of the step, step 0 being the first
 * update. {@link dev.optim.core.schedule.Schedules} gathers the factories.
 *
 * <table>
 *   <caption>The schedules and their closed forms</caption>
 *   <tr><th>Class</th><th>{@code η_k}</th><th>Peer</th></tr>
 *   <tr><td>{@link dev.optim.core.schedule.ConstantSchedule}</td><td>{@code v}</td>
 *       <td>PyTorch's default, Optax {@code constant_schedule}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.InverseTimeDecay}</td><td>{@code η0 / (1 + d·k)}</td>
 *       <td>the article's decay; PyTorch {@code LambdaLR}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.StepDecay}</td><td>{@code η0·γ^⌊k/s⌋}</td>
 *       <td>PyTorch {@code StepLR}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.ExponentialDecay}</td><td>{@code η0·γ^k}</td>
 *       <td>PyTorch {@code ExponentialLR}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.PolynomialSchedule}</td>
 *       <td>{@code (η0 − end)·(1 − min(k,T)/T)^p + end}</td>
 *       <td>Optax {@code polynomial_schedule}, PyTorch {@code PolynomialLR}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.CosineAnnealing}</td>
 *       <td>{@code end + (η0 − end)·(1 + cos(π·min(k,T)/T))/2}</td>
 *       <td>Optax {@code cosine_decay_schedule}, PyTorch {@code CosineAnnealingLR}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.CosineWarmRestarts}</td>
 *       <td>the cosine within periods {@code T_0, T_0·m, …}</td>
 *       <td>PyTorch {@code CosineAnnealingWarmRestarts}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.LinearWarmup}</td>
 *       <td>a linear ramp over {@code W} steps, then another schedule at {@code k − W}</td>
 *       <td>Optax {@code join_schedules} + {@code linear_schedule}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.PiecewiseConstant}</td>
 *       <td>{@code v_i} for {@code b_i ≤ k < b_(i+1)}</td>
 *       <td>PyTorch {@code MultiStepLR}, Optax {@code piecewise_constant_schedule}</td></tr>
 *   <tr><td>{@link dev.optim.core.schedule.JoinedSchedule}</td>
 *       <td>{@code s_i(k − b_i)} for {@code b_i ≤ k < b_(i+1)}</td>
 *       <td>Optax {@code join_schedules}, PyTorch {@code SequentialLR}</td></tr>
 * </table>
 *
 * <p>{@link dev.optim.core.schedule.BatchSizeSchedule} turns any of them into a batch size.
 * Values that overflow are returned as they are (infinity); an optimizer refuses a non-finite
 * rate when it uses it.
 */
package dev.optim.core.schedule;
