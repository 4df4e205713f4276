package io.sandmle.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an {@link ExperimentConfig} from YAML with kebab-case keys. Unknown keys (checked first, see
 * {@link UnknownKeys}), wrong types and broken rules are refused with one sentence: file, line, what is
 * wrong and, for a misspelt key, the nearest valid key.
 */
public final class ConfigLoader {

    /** YAML, strict about unknown keys and duplicates (a config typo must fail), so not support.Json's set-up. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .registerModule(DurationText.module());

    private ConfigLoader() {
    }

    /**
     * Loads and validates {@code file}; relative paths inside it are resolved against its folder.
     *
     * @throws ConfigException with one sentence when the file is missing or wrong
     */
    public static ExperimentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist; check the path (examples are in "
                    + "examples/configs/).", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage() + ".", e);
        }
        ExperimentConfig config = parse(text, file.toString());
        Path base = file.toAbsolutePath().getParent();
        return config.resolvedAgainst(base);
    }

    /** Parses YAML text; {@code source} names it in messages. Paths stay as written. */
    public static ExperimentConfig parse(String yaml, String source) {
        if (yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            throw new ConfigException(source + " is empty; start from examples/configs/quick-eval.yaml.", null);
        }
        try {
            Optional<UnknownKeys.Found> unknown = UnknownKeys.in(YAML.readTree(yaml), ExperimentConfig.class);
            if (unknown.isPresent()) {
                throw new ConfigException(source + " line " + YamlLines.of(YAML, yaml).lineOf(unknown.get().pointer())
                        + ": " + unknown.get().sentence(), null);
            }
            return YAML.readValue(yaml, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            String sentence = describe(e);
            String end = sentence.endsWith("?") ? "" : ".";
            throw new ConfigException(source + " line " + line(e, yaml) + ": " + sentence + end, e);
        }
    }

    /** The config as YAML, in the form {@link #parse} reads back (the run folder keeps this copy). */
    public static String toYaml(ExperimentConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the config as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** The line of the key the error is about; Jackson's own location can be YAML read-ahead. */
    private static int line(JsonProcessingException e, String yaml) {
        if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof JsonProcessingException)) {
            String pointer = pointer(mapping.getPath());
            if (e.getCause() instanceof Checks.InvalidSetting invalid) {
                pointer += "/" + invalid.key;
            }
            int line = YamlLines.of(YAML, yaml).lineOf(pointer);
            if (line > 0) {
                return line;
            }
        }
        JsonLocation location = e.getLocation();
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : r.getIndex()))
                .collect(Collectors.joining());
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause() == null ? invalid : invalid.getCause();
            return where(invalid) + cause.getMessage();
        }
        if (e instanceof InvalidFormatException badValue) {
            return where(badValue) + "'" + badValue.getValue() + "' is not " + expected(badValue.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where(mismatch) + "expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException bad) {
            return where(mapping) + bad.getMessage();
        }
        return "not valid YAML here: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String where(JsonMappingException e) {
        return e.getPath().isEmpty() ? "" : path(e.getPath()) + ": ";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        return refs.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration like 90s, 5m or 1h30m";
        }
        if (type == ByteSize.class) {
            return "a size like 512m or 4g";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list (one '- item' per line, or [a, b])";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section of 'key: value' lines";
        }
        return "a single value (text)";
    }
}
