package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.openai.OpenAiSettings;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.PolicyConfig;
import io.sandmle.trainers.export.ExternalSettings;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.policy.EmbeddedSettings;
import io.sandmle.trainers.sft.SftSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key of every example config is read: written with a typo it is refused with a sentence naming it, and with
 * another value it changes what the run is built from (the config and, for the free {@code settings:} maps, the
 * settings records the executor, each policy and the trainer resolve them into). A key that is validated and
 * then ignored fails the second check; one that nothing knows fails the first.
 */
class ExampleConfigKeysTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
    /** The OpenEnv manifest is OpenEnv's file, not a sandmle config. */
    private static final List<String> NOT_CONFIGS = List.of("openenv.yaml");

    @Test
    void everyKeyOfEveryExampleIsRead() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            configs = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/"))
                    .filter(p -> !NOT_CONFIGS.contains(p.getFileName().toString())).sorted().toList();
        }
        assertTrue(configs.size() >= 8, "examples found: " + configs);
        int keys = 0;
        for (Path config : configs) {
            JsonNode tree = YAML.readTree(config.toFile());
            Object resolved = resolve(tree, config);
            for (List<Object> path : leaves(tree, new ArrayList<>())) {
                String key = (String) path.get(path.size() - 1);
                String where = EXAMPLES.relativize(config) + " " + path;
                String refusal = refusalOf(renamed(tree, path, key + "z"), config);
                assertTrue(refusal.contains("'" + key + "z'") && refusal.contains("did you mean '" + key + "'?"),
                        where + ": a typo must be refused naming the key, got: " + refusal);
                try {
                    assertNotEquals(resolved, resolve(changed(tree, path), config),
                            where + " is accepted but changes nothing the run reads");
                } catch (IllegalArgumentException refusedValue) {
                    // another value refused (an unknown trainer, an unsupported schema version) is read too
                }
                keys++;
            }
        }
        assertTrue(keys > 150, "keys checked: " + keys);
    }

    /** What a run is built from: the config plus the executor's, the policies' and the trainer's settings records. */
    private static List<Object> resolve(JsonNode tree, Path source) throws IOException {
        ExperimentConfig config = ConfigLoader.parse(YAML.writeValueAsString(tree), source.toString());
        List<Object> all = new ArrayList<>(List.of(config));
        Map<String, String> executorSettings = config.executor().settings();
        all.add(switch (config.executor().name()) {
            case "local" -> LocalOptions.from(executorSettings);
            case "slurm" -> SlurmOptions.from(Map.of(), executorSettings);
            default -> throw new IllegalArgumentException("no executor " + config.executor().name());
        });
        for (PolicyConfig p : config.policies()) {
            all.add(switch (p.provider()) {
                case "openai" -> OpenAiSettings.fromSettings(p.settings(), env -> "key in $" + env);
                case "embedded" -> EmbeddedSettings.from(p.settings());
                default -> throw new IllegalArgumentException("no policy provider " + p.provider());
            });
        }
        if (config.trainer() != null) {
            Map<String, String> settings = config.trainer().trainerSettings();
            all.add(switch (config.trainer().name()) {
                case "grpo" -> GrpoSettings.from(settings);
                case "sft" -> SftSettings.from(settings);
                case "external" -> ExternalSettings.from(settings);
                default -> throw new IllegalArgumentException("no trainer " + config.trainer().name());
            });
        }
        return all;
    }

    private static String refusalOf(JsonNode tree, Path source) {
        try {
            resolve(tree, source);
        } catch (RuntimeException | IOException e) {
            return e.getMessage();
        }
        return fail(source + ": a misspelt key was accepted");
    }

    /** Paths to every key holding a value (a scalar or a list of scalars), depth first. */
    private static List<List<Object>> leaves(JsonNode node, List<Object> path) {
        List<List<Object>> found = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(field.getKey());
                JsonNode value = field.getValue();
                boolean holdsValue = value.isValueNode() || value.isArray() && (value.isEmpty() || value.get(0).isValueNode());
                found.addAll(holdsValue ? List.of(child) : leaves(value, child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                found.addAll(leaves(node.get(i), child));
            }
        }
        return found;
    }

    private static JsonNode renamed(JsonNode tree, List<Object> path, String newKey) {
        JsonNode copy = tree.deepCopy();
        ObjectNode parent = (ObjectNode) at(copy, path.subList(0, path.size() - 1));
        String key = (String) path.get(path.size() - 1);
        parent.set(newKey, parent.remove(key));
        return copy;
    }

    private static JsonNode changed(JsonNode tree, List<Object> path) {
        JsonNode copy = tree.deepCopy();
        ObjectNode parent = (ObjectNode) at(copy, path.subList(0, path.size() - 1));
        String key = (String) path.get(path.size() - 1);
        JsonNode value = parent.get(key);
        if (value.isArray()) {
            ArrayNode list = ((ArrayNode) value).deepCopy();
            if (list.size() > 1) {
                list.remove(list.size() - 1);
            } else {
                list.set(0, otherValue(list.get(0)));
            }
            parent.set(key, list);
        } else {
            parent.set(key, otherValue(value));
        }
        return copy;
    }

    /** A different value of the same kind: a number (also inside 90s or 4g) one larger, else the text extended. */
    private static JsonNode otherValue(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isBoolean()) {
            return nodes.booleanNode(!value.asBoolean());
        }
        if (value.isIntegralNumber()) {
            return nodes.numberNode(value.asLong() + 1);
        }
        if (value.isNumber()) {
            return nodes.numberNode(value.asDouble() * 2 + 0.5);
        }
        Matcher number = Pattern.compile("^[0-9]+").matcher(value.asText());
        if (number.find()) {
            return nodes.textNode(Long.parseLong(number.group()) + 1 + value.asText().substring(number.end()));
        }
        return nodes.textNode(value.asText() + "-changed");
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        assertFalse(node == null || node.isMissingNode(), "path " + path);
        return node;
    }
}
