/**
 * The detection loss of YOLO (Redmon, Divvala, Girshick and Farhadi, "You Only Look Once:
 * Unified, Real-Time Object Detection", CVPR 2016, equation 3).
 *
 * <ul>
 *   <li>{@link dev.optim.losses.yolo.YoloGrid}: the grid {@code S×S}, the {@code B} boxes per
 *       cell and the {@code C} classes, and the tensor layouts they imply;
 *   <li>{@link dev.optim.losses.yolo.GroundTruthBox} and
 *       {@link dev.optim.losses.yolo.YoloTargetEncoder}: per-image lists of labelled boxes into
 *       the target tensor;
 *   <li>{@link dev.optim.losses.yolo.YoloLoss}: the loss, its gradient with respect to the
 *       predictions, and its five terms ({@link dev.optim.losses.yolo.YoloLossTerms}).
 * </ul>
 *
 * <pre>{@code
 * YoloGrid grid = YoloGrid.DEFAULT;                        // S = 7, B = 2, C = 20
 * INDArray targets = new YoloTargetEncoder(grid).encode(List.of(
 *         List.of(new GroundTruthBox(11, 0.52, 0.40, 0.30, 0.55)),   // image 0: one dog
 *         List.of()));                                               // image 1: nothing
 * YoloLoss loss = YoloLoss.builder(grid).build();
 * YoloLossTerms terms = loss.terms(predictions, targets);   // predictions: [2, 7, 7, 30]
 * }</pre>
 */
package dev.optim.losses.yolo;
