/**
 * Issue 15's trained detector: {@link dev.optim.examples.detect.DetectorTraining} trains a small
 * YOLO v1 network on generated scenes with Optim's Adam or SGD with momentum and scores it by
 * the VOC mAP@0.5 on held-out scenes ({@link dev.optim.examples.detect.DetectionRun}); the
 * {@code optim detect} subcommand (DetectCommand) runs it.
 */
package dev.optim.examples.detect;
