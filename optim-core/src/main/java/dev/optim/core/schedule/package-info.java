/**
 * Learning-rate (and batch-size) schedules: pure functions of the step, step 0 being the first
 * update. {@link dev.optim.core.schedule.Schedules} gathers the factories.
 */
package dev.optim.core.schedule;
