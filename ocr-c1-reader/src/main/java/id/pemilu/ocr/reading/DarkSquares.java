package id.pemilu.ocr.reading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Filled, square-ish dark components of a dark/light mask: the candidates for the page's corner markers. */
final class DarkSquares {

    /** A component's centre (pixel coordinates of the mask, pixel centres at + 0.5) and area in pixels. */
    record Blob(double x, double y, double area) {
    }

    private DarkSquares() {
    }

    /**
     * Components (4-connected) with an area in [minArea, maxArea], filling at least 45 % of their bounding box, at
     * most 1.8 times as long as wide, not touching the mask's border (a marker cut by the edge has a wrong centre).
     */
    static List<Blob> find(boolean[] dark, int w, int h, double minArea, double maxArea) {
        boolean[] seen = new boolean[w * h];
        List<Blob> out = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < dark.length; start++) {
            if (!dark[start] || seen[start]) {
                continue;
            }
            seen[start] = true;
            queue.add(start);
            long area = 0;
            double sx = 0;
            double sy = 0;
            int minX = w;
            int maxX = 0;
            int minY = h;
            int maxY = 0;
            boolean edge = false;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % w;
                int y = i / w;
                area++;
                sx += x;
                sy += y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                edge |= x == 0 || y == 0 || x == w - 1 || y == h - 1;
                int[] neighbours = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1,
                        y < h - 1 ? i + w : -1};
                for (int n : neighbours) {
                    if (n >= 0 && dark[n] && !seen[n]) {
                        seen[n] = true;
                        queue.add(n);
                    }
                }
            }
            double boxW = maxX - minX + 1;
            double boxH = maxY - minY + 1;
            double fill = area / (boxW * boxH);
            double aspect = Math.max(boxW, boxH) / Math.min(boxW, boxH);
            if (!edge && area >= minArea && area <= maxArea && fill >= 0.45 && aspect <= 1.8) {
                out.add(new Blob(sx / area + 0.5, sy / area + 0.5, area));
            }
        }
        return out;
    }
}
