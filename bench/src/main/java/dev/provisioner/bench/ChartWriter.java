package dev.provisioner.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A PNG chart of wall time against the number of hosts: one line per scenario through the medians,
 * a whisker from min to max at each point, and the 2 s no-op target as a dashed line.
 * Plain Java2D and ImageIO (headless), no charting dependency.
 */
final class ChartWriter {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    static final Color[] COLORS = {new Color(0xD6604D), new Color(0x2166AC), new Color(0x1B7837), new Color(0x762A83)};

    private ChartWriter() {
    }

    static byte[] png(List<Row> rows, String title) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, rows, title);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, List<Row> rows, String title) {
        List<Integer> ns = rows.stream().map(Row::hosts).distinct().sorted().toList();
        double maxN = Math.max(1, ns.get(ns.size() - 1));
        double maxT = Math.max(2.5, rows.stream().mapToDouble(r -> r.wall().max()).max().orElse(1)) * 1.1;
        Axes axes = new Axes(maxN, maxT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double step = niceStep(maxT);
        for (double t = 0; t <= maxT; t += step) {
            int y = axes.y(t);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, step < 1 ? "%.1f" : "%.0f", t), LEFT - 40, y + 4);
        }
        for (int n : ns) {
            int x = axes.x(n);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5);
            g.drawString(Integer.toString(n), x - 6, HEIGHT - BOTTOM + 20);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawString("hosts (N)", WIDTH / 2 - 25, HEIGHT - 15);
        g.drawString("wall s", 12, TOP - 8);
        int target = axes.y(2.0);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(LEFT, target, WIDTH - RIGHT, target);
        g.drawString("target: no-op re-run of 20 hosts < 2 s", WIDTH - RIGHT - 240, target - 5);
        Scenario[] scenarios = Scenario.values();
        for (int i = 0; i < scenarios.length; i++) {
            series(g, axes, rows, scenarios[i], COLORS[i]);
            g.setColor(COLORS[i]);
            g.fillRect(LEFT + 15, TOP + 10 + i * 18, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(scenarios[i].label() + " (median, min-max)", LEFT + 33, TOP + 21 + i * 18);
        }
    }

    private static void series(Graphics2D g, Axes axes, List<Row> rows, Scenario s, Color color) {
        List<Row> points = rows.stream().filter(r -> r.scenario() == s).sorted((a, b) -> a.hosts() - b.hosts()).toList();
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < points.size(); i++) {
            Row r = points.get(i);
            int x = axes.x(r.hosts());
            int y = axes.y(r.wall().median());
            if (i > 0) {
                Row p = points.get(i - 1);
                g.drawLine(axes.x(p.hosts()), axes.y(p.wall().median()), x, y);
            }
            g.drawLine(x, axes.y(r.wall().min()), x, axes.y(r.wall().max()));
            g.drawLine(x - 4, axes.y(r.wall().min()), x + 4, axes.y(r.wall().min()));
            g.drawLine(x - 4, axes.y(r.wall().max()), x + 4, axes.y(r.wall().max()));
            g.fillOval(x - 4, y - 4, 9, 9);
        }
    }

    /** A step of 1, 2 or 5 times a power of ten giving 4 to 10 grid lines. */
    static double niceStep(double max) {
        double raw = max / 6;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / pow;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * pow;
    }

    /** Data to pixel coordinates; x and y both start at 0. */
    private record Axes(double maxN, double maxT) {
        int x(double n) {
            return LEFT + (int) Math.round(n / maxN * (WIDTH - LEFT - RIGHT - 20));
        }

        int y(double t) {
            return HEIGHT - BOTTOM - (int) Math.round(t / maxT * (HEIGHT - TOP - BOTTOM));
        }
    }
}
