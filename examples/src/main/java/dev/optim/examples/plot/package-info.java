/**
 * Pictures for the examples, drawn with JFreeChart: line charts of loss curves, contour pictures
 * of 2-D losses with trajectories on top, and bar charts. Contour lines are computed by
 * {@link dev.optim.examples.plot.MarchingSquares} over a {@link dev.optim.examples.plot.GridValues}
 * and drawn as ordinary chart series; all drawing is the library's.
 */
package dev.optim.examples.plot;
