package dev.optim.losses.yolo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mean average precision of a detector, computed the PASCAL VOC way (the development kit of
 * 2010 onwards): all-point interpolation, per class, then averaged.
 *
 * <p>For each class {@code c}: its detections over all images are ranked by confidence
 * (descending; ties keep their input order, image by image). Each in turn is matched with the
 * ground-truth box of class {@code c} in its image that it overlaps most; it is a true positive
 * if that IoU is at least the threshold (0.5 for mAP@0.5) and the box was not matched before,
 * otherwise a false positive (a duplicate, a miss or a wrong place). With {@code n_c} ground-truth
 * boxes, after the k-th detection {@code recall_k = TP_k / n_c} and
 * {@code precision_k = TP_k / k}. The precision envelope {@code p̂(r) = max_{r' ≥ r} p(r')}
 * makes the curve monotone, and
 *
 * <pre>
 *   AP_c = Σ_k (r_k − r_{k−1}) · p̂(r_k),   r_0 = 0,
 *   mAP  = (1 / |C|) · Σ_{c ∈ C} AP_c,      C = the classes with at least one ground-truth box.
 * </pre>
 *
 * <p>A class with ground truth but no detection has {@code AP = 0}; a class with no ground truth
 * is left out of the mean (its AP is NaN in {@link Result#perClass()}).
 *
 * <p>Reference: M. Everingham, L. Van Gool, C. K. I. Williams, J. Winn and A. Zisserman, "The
 * PASCAL Visual Object Classes (VOC) Challenge", IJCV 88 (2010), section 4.2, and the VOC2012
 * development kit's {@code VOCevaldet.m}.
 */
public final class AveragePrecision {

    private AveragePrecision() {}

    /**
     * A class's precision–recall curve and its AP.
     *
     * @param classId the class
     * @param truths {@code n_c}, the number of ground-truth boxes of the class
     * @param recall the recall after each ranked detection; the record's own array
     * @param precision the precision after each ranked detection; the record's own array
     * @param ap the average precision, NaN when the class has no ground truth
     */
    public record ClassCurve(int classId, int truths, double[] recall, double[] precision,
            double ap) {}

    /**
     * The mAP and what it is made of.
     *
     * @param map the mean of the APs over the classes that have ground truth (NaN if none has)
     * @param perClass one curve per class, by class index
     */
    public record Result(double map, List<ClassCurve> perClass) {}

    /**
     * Evaluates detections against ground truth.
     *
     * @param truths the ground-truth boxes, one list per image
     * @param detections the detections, one list per image, in the same image order
     * @param classes the number of classes; every class index must be below it
     * @param iouThreshold the overlap that makes a match, in {@code (0, 1]} (0.5 for mAP@0.5)
     * @return the mAP and the per-class curves
     * @throws IllegalArgumentException if a list is null or holds null, the two lists have
     *     different sizes, a class index is out of range, or {@code iouThreshold} or
     *     {@code classes} is out of range
     */
    public static Result evaluate(List<List<GroundTruthBox>> truths,
            List<List<Detection>> detections, int classes, double iouThreshold) {
        check(truths, detections, classes, iouThreshold);
        List<ClassCurve> curves = new ArrayList<>(classes);
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            ClassCurve curve = curve(truths, detections, c, iouThreshold);
            curves.add(curve);
            if (curve.truths() > 0) {
                sum += curve.ap();
                counted++;
            }
        }
        return new Result(counted == 0 ? Double.NaN : sum / counted,
                Collections.unmodifiableList(curves));
    }

    /**
     * The all-point interpolated area under a precision–recall curve:
     * {@code Σ_k (r_k − r_{k−1})·max_{j ≥ k} p_j}.
     *
     * @param recall non-decreasing recalls in {@code [0, 1]}
     * @param precision the precisions at those recalls, in {@code [0, 1]}
     * @return the area, in {@code [0, 1]}
     * @throws IllegalArgumentException if the arrays are null or of different lengths
     */
    public static double allPointArea(double[] recall, double[] precision) {
        if (recall == null || precision == null || recall.length != precision.length) {
            throw new IllegalArgumentException("recall and precision must be arrays of one length,"
                    + " got " + (recall == null ? "null" : recall.length) + " and "
                    + (precision == null ? "null" : precision.length));
        }
        int n = recall.length;
        double[] envelope = new double[n];
        double running = 0;
        for (int k = n - 1; k >= 0; k--) {
            running = Math.max(running, precision[k]);
            envelope[k] = running;
        }
        double area = 0;
        double previous = 0;
        for (int k = 0; k < n; k++) {
            area += (recall[k] - previous) * envelope[k];
            previous = recall[k];
        }
        return area;
    }

    private static ClassCurve curve(List<List<GroundTruthBox>> truths,
            List<List<Detection>> detections, int c, double threshold) {
        int images = truths.size();
        List<List<GroundTruthBox>> mine = new ArrayList<>(images);
        List<boolean[]> matched = new ArrayList<>(images);
        int count = 0;
        for (List<GroundTruthBox> image : truths) {
            List<GroundTruthBox> boxes = new ArrayList<>();
            for (GroundTruthBox b : image) {
                if (b.classId() == c) {
                    boxes.add(b);
                }
            }
            mine.add(boxes);
            matched.add(new boolean[boxes.size()]);
            count += boxes.size();
        }
        List<int[]> ranked = new ArrayList<>(); // {image, index}
        for (int i = 0; i < images; i++) {
            List<Detection> image = detections.get(i);
            for (int k = 0; k < image.size(); k++) {
                if (image.get(k).classId() == c) {
                    ranked.add(new int[] {i, k});
                }
            }
        }
        // A stable sort: ties keep image order, then list order.
        ranked.sort((a, b) -> Double.compare(detections.get(b[0]).get(b[1]).confidence(),
                detections.get(a[0]).get(a[1]).confidence()));
        double[] recall = new double[ranked.size()];
        double[] precision = new double[ranked.size()];
        int tp = 0;
        for (int k = 0; k < ranked.size(); k++) {
            int image = ranked.get(k)[0];
            Detection d = detections.get(image).get(ranked.get(k)[1]);
            List<GroundTruthBox> boxes = mine.get(image);
            int best = -1;
            double bestIou = -1;
            for (int j = 0; j < boxes.size(); j++) {
                double iou = d.iou(boxes.get(j));
                if (iou > bestIou) {
                    bestIou = iou;
                    best = j;
                }
            }
            if (best >= 0 && bestIou >= threshold && !matched.get(image)[best]) {
                matched.get(image)[best] = true;
                tp++;
            }
            recall[k] = count == 0 ? Double.NaN : (double) tp / count;
            precision[k] = (double) tp / (k + 1);
        }
        double ap = count == 0 ? Double.NaN : allPointArea(recall, precision);
        return new ClassCurve(c, count, recall, precision, ap);
    }

    private static void check(List<List<GroundTruthBox>> truths, List<List<Detection>> detections,
            int classes, double threshold) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("iouThreshold must be in (0, 1], got " + threshold);
        }
        if (truths == null || detections == null) {
            throw new IllegalArgumentException("truths and detections must not be null");
        }
        if (truths.size() != detections.size()) {
            throw new IllegalArgumentException("truths and detections must cover the same images,"
                    + " got " + truths.size() + " and " + detections.size() + " images");
        }
        for (int i = 0; i < truths.size(); i++) {
            List<GroundTruthBox> t = truths.get(i);
            List<Detection> d = detections.get(i);
            if (t == null || d == null) {
                throw new IllegalArgumentException("image " + i + ": the "
                        + (t == null ? "truths" : "detections") + " list must not be null");
            }
            for (GroundTruthBox b : t) {
                if (b == null || b.classId() >= classes) {
                    throw new IllegalArgumentException("image " + i + ": ground truth " + b
                            + " must have a class in [0, " + classes + ")");
                }
            }
            for (Detection x : d) {
                if (x == null || x.classId() >= classes) {
                    throw new IllegalArgumentException("image " + i + ": detection " + x
                            + " must have a class in [0, " + classes + ")");
                }
            }
        }
    }
}
