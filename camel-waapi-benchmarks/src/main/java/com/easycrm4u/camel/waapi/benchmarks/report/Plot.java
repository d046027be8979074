package com.easycrm4u.camel.waapi.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

import javax.imageio.ImageIO;

/**
 * Draws throughput and p99 latency against concurrency for each comparison, one row of two charts per comparison, with
 * Java2D (headless, no dependency): concurrency on a log scale, latency on a log scale, one line per path.
 */
public final class Plot {

    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 400;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 40;
    private static final int MARGIN_BOTTOM = 50;
    private static final Color[] COLORS = {
            new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
            new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B) };

    private Plot() {
    }

    public static void write(List<Comparison> comparisons, Path png) throws IOException {
        BufferedImage image = new BufferedImage(2 * CHART_WIDTH, comparisons.size() * CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison comparison = comparisons.get(i);
            chart(g, comparison, 0, i * CHART_HEIGHT, comparison.title() + ": throughput", "per second", false,
                    comparison::medianPerSecond);
            chart(g, comparison, CHART_WIDTH, i * CHART_HEIGHT, comparison.title() + ": p99 latency", "p99 ms (log)", true,
                    comparison::medianP99);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void chart(
            Graphics2D g, Comparison comparison, int x0, int y0, String title, String yLabel, boolean logY,
            ToDoubleBiFunction<String, Integer> value) {
        int[] concurrencies = comparison.concurrencies();
        int left = x0 + MARGIN_LEFT;
        int right = x0 + CHART_WIDTH - MARGIN_RIGHT;
        int top = y0 + MARGIN_TOP;
        int bottom = y0 + CHART_HEIGHT - MARGIN_BOTTOM;
        double max = 0;
        double min = Double.MAX_VALUE;
        for (String path : comparison.paths()) {
            for (int c : concurrencies) {
                double v = value.applyAsDouble(path, c);
                if (v > 0 && !Double.isNaN(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        if (max == 0) {
            max = 1;
            min = 0.1;
        }
        double lo = logY ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
        double hi = logY ? Math.pow(10, Math.ceil(Math.log10(max))) : niceCeiling(max);
        double xMin = Math.log(concurrencies[0]);
        double xMax = Math.log(concurrencies[concurrencies.length - 1]);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, y0 + 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int c : concurrencies) {
            int x = xPos(Math.log(c), xMin, xMax, left, right);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(c), x - 8, bottom + 16);
        }
        g.drawString("concurrency (log)", (left + right) / 2 - 50, bottom + 36);
        double[] ticks = logY ? logTicks(lo, hi) : linearTicks(hi);
        for (double tick : ticks) {
            int y = yPos(tick, lo, hi, logY, top, bottom);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, y, right, y);
            g.setColor(Color.BLACK);
            String label
                    = tick >= 1000 ? String.format(Locale.ROOT, "%,.0f", tick) : String.format(Locale.ROOT, "%s", trim(tick));
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(top + bottom) / 2 - 30, x0 + 16);
        rotated.dispose();

        List<String> paths = comparison.paths();
        for (int p = 0; p < paths.size(); p++) {
            g.setColor(COLORS[p % COLORS.length]);
            g.setStroke(new BasicStroke(paths.get(p).equals(comparison.reference()) ? 3f : 1.8f));
            int lastX = -1;
            int lastY = -1;
            for (int c : concurrencies) {
                double v = value.applyAsDouble(paths.get(p), c);
                if (Double.isNaN(v) || (logY && v <= 0)) {
                    continue;
                }
                int x = xPos(Math.log(c), xMin, xMax, left, right);
                int y = yPos(v, lo, hi, logY, top, bottom);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
            g.setStroke(new BasicStroke(1f));
            int legendY = top + 8 + 16 * p;
            g.fillRect(left + 10, legendY - 8, 12, 8);
            g.setColor(Color.BLACK);
            g.drawString(paths.get(p), left + 28, legendY);
        }
    }

    private static int xPos(double v, double min, double max, int left, int right) {
        double inset = 20;
        return (int) Math.round(left + inset + (v - min) / (max - min == 0 ? 1 : max - min) * (right - left - 2 * inset));
    }

    private static int yPos(double v, double lo, double hi, boolean log, int top, int bottom) {
        double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return (int) Math.round(bottom - f * (bottom - top));
    }

    private static double niceCeiling(double max) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double[] linearTicks(double hi) {
        double[] ticks = new double[6];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = hi * i / (ticks.length - 1);
        }
        return ticks;
    }

    private static double[] logTicks(double lo, double hi) {
        int n = (int) Math.round(Math.log10(hi) - Math.log10(lo)) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = lo * Math.pow(10, i);
        }
        return ticks;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
