package io.sandmle.reports.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Simple measures that tell a rendered page from a blank one. */
public final class Pixels {

    private Pixels() {
    }

    /** Variance of grey levels (0–255) over all pixels; ~0 for a blank page. */
    public static double greyVariance(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        double sum = 0;
        double sq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double g = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += g;
                sq += g * g;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    /** Share of pixels that are neither white nor near-white. */
    public static double inkedFraction(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        long inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 255) < 235 || ((rgb >> 8) & 255) < 235 || (rgb & 255) < 235) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) img.getWidth() * img.getHeight());
    }
}
