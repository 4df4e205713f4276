package io.sandmle.environments.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Latent dimensions as the loudness of tones at fixed frequencies in a short 16-bit mono WAV (8 kHz,
 * 0.25 s), over white noise. Only spectral features recover them.
 */
final class AudioRenderer implements ModalityRenderer {

    static final int RATE = 8000;
    static final int SAMPLES = 2000;

    @Override
    public void render(RenderJob job) throws IOException {
        TaskSpec spec = job.spec();
        SeededRandom tones = spec.random("audio-tones");
        double[] freq = new double[job.dims().length];
        double[] phase = new double[job.dims().length];
        for (int k = 0; k < freq.length; k++) {
            freq[k] = 300 + 450 * k + tones.uniform(0, 150);
            phase[k] = tones.uniform(0, 2 * Math.PI);
        }
        Path dir = Files.createDirectories(job.publicDir().resolve("audio"));
        SeededRandom noise = spec.random("audio-noise");
        double hiss = 0.03 + 0.05 * spec.mutations().noise();
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        for (Split side : job.sides()) {
            String[] paths = new String[side.rows()];
            for (int i = 0; i < side.rows(); i++) {
                byte[] pcm = new byte[2 * SAMPLES];
                for (int s = 0; s < SAMPLES; s++) {
                    double t = s / (double) RATE;
                    double v = hiss * noise.gaussian();
                    for (int k = 0; k < freq.length; k++) {
                        double amplitude = 0.1 * Math.exp(0.45 * side.z()[i][job.dims()[k]]);
                        v += amplitude * Math.sin(2 * Math.PI * freq[k] * t + phase[k]);
                    }
                    int sample = (int) Math.max(-32768, Math.min(32767, Math.round(v * 12000)));
                    pcm[2 * s] = (byte) sample;
                    pcm[2 * s + 1] = (byte) (sample >> 8);
                }
                String name = side.ids().get(i) + ".wav";
                try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, SAMPLES)) {
                    AudioSystem.write(in, AudioFileFormat.Type.WAVE, dir.resolve(name).toFile());
                }
                paths[i] = "audio/" + name;
            }
            job.table(side).add("audio_path", paths);
        }
    }
}
