/**
 * A small YOLO-style detector built as a SameDiff graph and trained by Optim: convolutions, the
 * {@link dev.optim.losses.yolo.YoloLossGraph YOLO loss inside the graph}, and the bridges from
 * {@link dev.optim.losses.yolo.Scene scenes} to tensors and from predictions to
 * {@link dev.optim.losses.yolo.Detection detections}.
 */
package dev.optim.nn.detect;
