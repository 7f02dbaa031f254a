package dev.optim.core.batch;

/** The order in which an epoch visits the examples. */
public enum BatchOrder {
    /** Examples 0, 1, …, N−1 in every epoch (the article's order: no reshuffling). */
    SEQUENTIAL,
    /** A fresh seeded permutation of the examples in every epoch. */
    SHUFFLED
}
