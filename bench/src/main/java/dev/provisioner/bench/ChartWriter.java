package dev.provisioner.bench;

import dev.provisioner.bench.reference.RefRow;
import dev.provisioner.bench.reference.Reference;

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
 * a whisker from min to max at each point, and the 2 s no-op target as a dashed line. The
 * references are dashed lines: the expert script in its scenario's colour, the floor in orange.
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
    static final Color FLOOR_COLOR = new Color(0xE08214);
    private static final float[] DASH = {7f, 5f};

    private ChartWriter() {
    }

    static byte[] png(List<Row> rows, List<RefRow> refs, String title) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, rows, refs, title);
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

    private static void draw(Graphics2D g, List<Row> rows, List<RefRow> refs, String title) {
        List<Integer> ns = rows.stream().map(Row::hosts).distinct().sorted().toList();
        double maxN = Math.max(1, ns.get(ns.size() - 1));
        double maxT = Math.max(2.5, Math.max(rows.stream().mapToDouble(r -> r.wall().max()).max().orElse(1),
                refs.stream().mapToDouble(r -> r.wall().max()).max().orElse(1))) * 1.1;
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
        int legend = 0;
        for (int i = 0; i < scenarios.length; i++) {
            Scenario sc = scenarios[i];
            series(g, axes, rows.stream().filter(r -> r.scenario() == sc).map(r -> new Point(r.hosts(), r.wall())).toList(),
                    COLORS[i], false);
            legend(g, legend++, COLORS[i], false, sc.label() + " (median, min-max)");
        }
        for (int i = 0; i < scenarios.length; i++) {
            Scenario sc = scenarios[i];
            List<Point> expert = refs.stream().filter(r -> r.reference() == Reference.EXPERT && r.scenario() == sc)
                    .map(r -> new Point(r.hosts(), r.wall())).toList();
            if (!expert.isEmpty()) {
                series(g, axes, expert, COLORS[i], true);
                legend(g, legend++, COLORS[i], true, Reference.EXPERT.label() + ": " + sc.label());
            }
        }
        List<Point> floor = refs.stream().filter(r -> r.reference() == Reference.FLOOR)
                .map(r -> new Point(r.hosts(), r.wall())).toList();
        if (!floor.isEmpty()) {
            series(g, axes, floor, FLOOR_COLOR, true);
            legend(g, legend, FLOOR_COLOR, true, "floor: " + Reference.FLOOR.label() + " on every host");
        }
    }

    private static void legend(Graphics2D g, int line, Color color, boolean dashed, String text) {
        int y = TOP + 10 + line * 18;
        g.setColor(color);
        if (dashed) {
            g.setStroke(stroke(true));
            g.drawLine(LEFT + 13, y + 6, LEFT + 29, y + 6);
        } else {
            g.fillRect(LEFT + 15, y, 12, 12);
        }
        g.setColor(Color.BLACK);
        g.drawString(text, LEFT + 33, y + 11);
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f)
                : new BasicStroke(2f);
    }

    /** One point of a series: N and the wall time's median, min and max. */
    private record Point(int hosts, Stats wall) {
    }

    private static void series(Graphics2D g, Axes axes, List<Point> unsorted, Color color, boolean dashed) {
        List<Point> points = unsorted.stream().sorted((a, b) -> a.hosts() - b.hosts()).toList();
        g.setColor(color);
        for (int i = 0; i < points.size(); i++) {
            Point r = points.get(i);
            int x = axes.x(r.hosts());
            int y = axes.y(r.wall().median());
            if (i > 0) {
                Point p = points.get(i - 1);
                g.setStroke(stroke(dashed));
                g.drawLine(axes.x(p.hosts()), axes.y(p.wall().median()), x, y);
            }
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x, axes.y(r.wall().min()), x, axes.y(r.wall().max()));
            g.drawLine(x - 4, axes.y(r.wall().min()), x + 4, axes.y(r.wall().min()));
            g.drawLine(x - 4, axes.y(r.wall().max()), x + 4, axes.y(r.wall().max()));
            if (dashed) {
                g.drawRect(x - 4, y - 4, 8, 8);
            } else {
                g.fillOval(x - 4, y - 4, 9, 9);
            }
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
