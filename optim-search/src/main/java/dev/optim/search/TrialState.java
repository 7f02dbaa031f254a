package dev.optim.search;

/** How a trial ended. */
public enum TrialState {
    /** The objective returned a finite value. */
    COMPLETE,
    /** The objective failed, threw, or returned a non-finite value (a diverged run). */
    FAILED,
    /** Stopped early by the study's {@link SuccessiveHalving} rule; its value is the last one reported. */
    PRUNED
}
