package id.pemilu.recap.photohash;

import java.util.ArrayDeque;

/**
 * Finds the four solid square corner markers every C.Hasil page carries (the ones ocr-c1-reader aligns on) in a
 * greyscale picture, and returns their inner corners (towards the page centre) as TL, TR, BL, BR. Inner corners stay
 * put when a crop cuts into a marker from the outside. Null when a marker is missing.
 */
public final class PageCorners {

    private static final float DARK = 110;

    private PageCorners() {
    }

    public static double[][] find(float[][] grey) {
        int h = grey.length;
        int w = grey[0].length;
        int rw = (int) (w * 0.22);
        int rh = (int) (h * 0.16);
        int[][] boxes = new int[4][];
        boxes[0] = largestSquare(grey, 0, 0, rw, rh);
        boxes[1] = largestSquare(grey, w - rw, 0, w, rh);
        boxes[2] = largestSquare(grey, 0, h - rh, rw, h);
        boxes[3] = largestSquare(grey, w - rw, h - rh, w, h);
        for (int[] b : boxes) {
            if (b == null) {
                return null;
            }
        }
        // box = {minX, minY, maxX, maxY}; inner corners
        double[][] corners = {
                {boxes[0][2] + 1, boxes[0][3] + 1},
                {boxes[1][0], boxes[1][3] + 1},
                {boxes[2][2] + 1, boxes[2][1]},
                {boxes[3][0], boxes[3][1]}};
        double top = corners[1][0] - corners[0][0];
        double left = corners[2][1] - corners[0][1];
        if (top < w * 0.4 || left < h * 0.4) {
            return null;
        }
        return corners;
    }

    /** The biggest solid, roughly square dark blob inside the rectangle; null when none. */
    private static int[] largestSquare(float[][] grey, int x0, int y0, int x1, int y1) {
        int w = x1 - x0;
        int h = y1 - y0;
        boolean[] seen = new boolean[w * h];
        int[] best = null;
        int bestArea = 0;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int idx = (y - y0) * w + (x - x0);
                if (seen[idx] || grey[y][x] >= DARK) {
                    continue;
                }
                seen[idx] = true;
                queue.add(new int[] {x, y});
                int area = 0;
                int minX = x;
                int maxX = x;
                int minY = y;
                int maxY = y;
                while (!queue.isEmpty()) {
                    int[] p = queue.poll();
                    area++;
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                    int[][] next = {{p[0] + 1, p[1]}, {p[0] - 1, p[1]}, {p[0], p[1] + 1}, {p[0], p[1] - 1}};
                    for (int[] q : next) {
                        if (q[0] < x0 || q[0] >= x1 || q[1] < y0 || q[1] >= y1) {
                            continue;
                        }
                        int qi = (q[1] - y0) * w + (q[0] - x0);
                        if (!seen[qi] && grey[q[1]][q[0]] < DARK) {
                            seen[qi] = true;
                            queue.add(q);
                        }
                    }
                }
                int bw = maxX - minX + 1;
                int bh = maxY - minY + 1;
                double aspect = bw / (double) bh;
                double fill = area / (double) (bw * bh);
                if (bw >= 4 && bh >= 4 && aspect > 0.5 && aspect < 2 && fill > 0.7 && area > bestArea) {
                    bestArea = area;
                    best = new int[] {minX, minY, maxX, maxY};
                }
            }
        }
        return best;
    }
}
