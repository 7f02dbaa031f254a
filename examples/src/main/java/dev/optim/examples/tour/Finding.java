package dev.optim.examples.tour;

import java.util.List;

/**
 * One row of the tour's summary: which point of the article, what the run showed, and the
 * pictures that show it.
 *
 * @param point the point's number, 1 to 7
 * @param topic the article's point in a few words
 * @param result what the run measured, in one line
 * @param pictures the file names of the pictures, relative to the output folder
 */
public record Finding(int point, String topic, String result, List<String> pictures) {

    /**
     * Copies the picture list.
     */
    public Finding {
        pictures = List.copyOf(pictures);
    }
}
