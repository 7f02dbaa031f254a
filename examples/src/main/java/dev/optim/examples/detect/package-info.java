/**
 * The article's second example, trained: a small YOLO v1 detector on synthetic street scenes
 * (issue 15), and its pictures. {@link dev.optim.examples.detect.DetectionPictures} draws test
 * scenes with predicted boxes over the ground truth, the five loss terms over training and the
 * precision–recall curves per class, from plain inputs; {@link dev.optim.examples.detect.BoxPicture}
 * is its pixel-exact drawing of scenes and boxes.
 */
package dev.optim.examples.detect;
