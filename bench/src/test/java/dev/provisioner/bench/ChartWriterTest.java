package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChartWriterTest {
    @Test
    void writesAPngWithOneColouredSeriesPerScenario() throws Exception {
        System.setProperty("java.awt.headless", "true");
        byte[] png = ChartWriter.png(BenchMain.rows(Fixtures.grid()),
                dev.provisioner.bench.reference.RefRow.of(Fixtures.references()), "test chart");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(ChartWriter.WIDTH);
        assertThat(img.getHeight()).isEqualTo(ChartWriter.HEIGHT);
        Set<Integer> colours = colours(img);
        for (Color c : ChartWriter.COLORS) {
            assertThat(colours).as("series colour %06x drawn", c.getRGB() & 0xFFFFFF).contains(c.getRGB() & 0xFFFFFF);
        }
        int floor = ChartWriter.FLOOR_COLOR.getRGB() & 0xFFFFFF;
        assertThat(colours).as("the floor's series drawn").contains(floor);
        byte[] withoutReferences = ChartWriter.png(BenchMain.rows(Fixtures.grid()), java.util.List.of(), "test chart");
        assertThat(colours(ImageIO.read(new ByteArrayInputStream(withoutReferences)))).doesNotContain(floor);
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    @Test
    void gridStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ChartWriter.niceStep(2.75)).isEqualTo(0.5);
        assertThat(ChartWriter.niceStep(11)).isEqualTo(2.0);
        assertThat(ChartWriter.niceStep(66)).isEqualTo(10.0);
    }
}
