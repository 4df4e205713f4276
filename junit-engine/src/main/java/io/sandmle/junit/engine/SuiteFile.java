package io.sandmle.junit.engine;

import io.sandmle.junit.PassCriterion;
import io.sandmle.junit.BenchmarkSuite;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * A suite declared in YAML ({@code <name>.suite.yaml}), the file form of {@link BenchmarkSuite}:
 *
 * <pre>
 * config: lite.yaml          # the experiment config, relative to this file
 * pass-when: valid           # valid | above-median | medal
 * min-valid-rate: 0.8        # optional suite-level minimum rates
 * min-above-median-rate: 0.5
 * min-medal-rate: 0.2
 * confidence: 0.95
 * </pre>
 */
final class SuiteFile {

    /** The suffix the engine looks for on the class path and in selected folders. */
    static final String SUFFIX = ".suite.yaml";

    /** YAML that refuses unknown keys (a typo in a suite file must fail), so not support.Json's set-up. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Fields(String config, @JsonProperty("pass-when") String passWhen,
                  @JsonProperty("min-valid-rate") Double minValidRate,
                  @JsonProperty("min-above-median-rate") Double minAboveMedianRate,
                  @JsonProperty("min-medal-rate") Double minMedalRate, Double confidence) {
    }

    private SuiteFile() {
    }

    /** Reads {@code file}; a mistake is an {@link IllegalArgumentException} with one sentence. */
    static SuiteSpec read(Path file) {
        Fields f;
        try {
            f = YAML.readValue(Files.readString(file), Fields.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + (e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "; the keys are config, pass-when, min-valid-rate, min-above-median-rate, min-medal-rate, "
                    + "confidence.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read suite file " + file + ": " + e.getMessage() + ".", e);
        }
        if (f == null || f.config() == null) {
            throw new IllegalArgumentException(file + " must name its experiment config with 'config: <file.yaml>'.");
        }
        String name = file.getFileName().toString();
        return new SuiteSpec(name.substring(0, name.length() - SUFFIX.length()),
                file.toAbsolutePath().getParent().resolve(f.config()).normalize(),
                f.passWhen() == null ? PassCriterion.VALID : PassCriterion.byKey(f.passWhen()),
                SuiteSpec.rates(orNone(f.minValidRate()), orNone(f.minAboveMedianRate()), orNone(f.minMedalRate()),
                        f.confidence() == null ? 0.95 : f.confidence()),
                FileSource.from(file.toFile()), null);
    }

    private static double orNone(Double rate) {
        return rate == null ? -1 : rate;
    }
}
