/** JMH benchmarks of Optim's update kernels against ND4J and the memory-bandwidth floor. */
package dev.optim.bench;
