package io.sandmle.environments.generator;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Latent dimensions as the brightness of soft blobs at fixed places of a small PNG (16x16, 1 or 3 channels
 * as the seed), over pixel noise. Written with javax.imageio, whose PNG encoder adds no timestamps.
 */
final class ImageRenderer implements ModalityRenderer {

    static final int SIZE = 16;
    private static final int[][] CENTRES = {{3, 3}, {3, 8}, {3, 12}, {8, 3}, {8, 12}, {12, 3}, {12, 8}, {12, 12}};

    @Override
    public void render(RenderJob job) throws IOException {
        TaskSpec spec = job.spec();
        int channels = spec.dna().inputStructure().getOrDefault("channels", "3").startsWith("3") ? 3 : 1;
        int[] place = TabularRenderer.shuffled(java.util.stream.IntStream.range(0, CENTRES.length).boxed().toList(),
                spec.random("image-places")).stream().mapToInt(Integer::intValue).toArray();
        Path dir = Files.createDirectories(job.publicDir().resolve("images"));
        SeededRandom noise = spec.random("image-noise");
        double pixelNoise = 10 + 20 * spec.mutations().noise();
        for (Split side : job.sides()) {
            String[] paths = new String[side.rows()];
            for (int i = 0; i < side.rows(); i++) {
                BufferedImage image = new BufferedImage(SIZE, SIZE,
                        channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
                WritableRaster raster = image.getRaster();
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        for (int c = 0; c < channels; c++) {
                            double v = 110 + pixelNoise * noise.gaussian();
                            for (int k = 0; k < job.dims().length; k++) {
                                if (channels == 1 || k % 3 == c) {
                                    int[] centre = CENTRES[place[k % CENTRES.length]];
                                    double d2 = sq(x - centre[1]) + sq(y - centre[0]);
                                    v += 50 * side.z()[i][job.dims()[k]] * Math.exp(-d2 / (2 * 1.8 * 1.8));
                                }
                            }
                            raster.setSample(x, y, c, (int) Math.max(0, Math.min(255, Math.round(v))));
                        }
                    }
                }
                String name = side.ids().get(i) + ".png";
                ImageIO.write(image, "png", dir.resolve(name).toFile());
                paths[i] = "images/" + name;
            }
            job.table(side).add("image_path", paths);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
