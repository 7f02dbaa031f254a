/**
 * The article's second example, trained (issue 15):
 * {@link dev.optim.examples.detect.DetectorTraining} trains a small YOLO v1 network on generated
 * street scenes with Optim's Adam or SGD with momentum and scores it by the VOC mAP@0.5 on
 * held-out scenes ({@link dev.optim.examples.detect.DetectionRun}); the {@code optim detect}
 * subcommand (DetectCommand) runs it. {@link dev.optim.examples.detect.DetectionPictures} draws
 * test scenes with predicted boxes over the ground truth, the five loss terms over training and
 * the precision–recall curves per class, from plain inputs;
 * {@link dev.optim.examples.detect.BoxPicture} is its pixel-exact drawing of scenes and boxes.
 */
package dev.optim.examples.detect;
