package io.sandmle.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sandmle.trainers.export.ExternalSettings;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.policy.EmbeddedSettings;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.Recipe;
import io.sandmle.trainers.sft.SftSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every trainer and the embedded policy read each key they list, and refuse any other with the nearest one. */
class TrainerSettingsTest {

    @Test
    void sftRefusesGrpoNamesForItsOptimiserAndNamesItsOwn() {
        Map<String, String> heldOutSft = Map.of("steps", "16", "epochs", "4", "learning-rate", "0.05");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SftSettings.from(heldOutSft));
        assertEquals("unknown setting 'epochs' for the sft trainer; did you mean 'sft-epochs'?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SftSettings.from(Map.of("learning-rate", "0.05")));
        assertEquals("unknown setting 'learning-rate' for the sft trainer; did you mean 'sft-learning-rate'?",
                e.getMessage());
        SftSettings sft = SftSettings.from(Map.of("sft-epochs", "7", "sft-learning-rate", "0.2", "keep", "valid",
                "sft-validation", "0.25", "sft-patience", "5"));
        assertEquals(new SftSettings(GrpoSettings.read(Map.of()), 7, 0.2, true, SftSettings.Source.OWN, 0.25, 5), sft);
        assertEquals(new SftSettings(GrpoSettings.read(Map.of()), 2000, 0.01, false, SftSettings.Source.OWN, 0.2, 20),
                SftSettings.from(Map.of()),
                "by default it trains to convergence on a fifth of the tasks, for at most 2000 epochs");
        assertEquals("unknown setting 'sft-validate' for the sft trainer; did you mean 'sft-validation'?",
                assertThrows(IllegalArgumentException.class,
                        () -> SftSettings.from(Map.of("sft-validate", "0.2"))).getMessage());
        assertEquals("unknown setting 'patience' for the sft trainer; did you mean 'sft-patience'?",
                assertThrows(IllegalArgumentException.class,
                        () -> SftSettings.from(Map.of("patience", "5"))).getMessage());
    }

    @Test
    void sftRefusesAValidationShareOutsideZeroToOneAndAPatienceBelowOne() {
        for (String share : List.of("1", "1.5", "-0.1")) {
            assertEquals("trainer setting 'sft-validation' must be at least 0 and below 1 (the share of tasks held out),"
                    + " not " + share, assertThrows(IllegalArgumentException.class,
                    () -> SftSettings.from(Map.of("sft-validation", share))).getMessage());
        }
        assertEquals(0.0, SftSettings.from(Map.of("sft-validation", "0")).validation());
        for (String patience : List.of("0", "2.5")) {
            assertEquals("trainer setting 'sft-patience' must be a positive whole number, not " + patience,
                    assertThrows(IllegalArgumentException.class,
                            () -> SftSettings.from(Map.of("sft-patience", patience))).getMessage());
        }
        assertEquals("trainer setting 'sft-validation' must be a number, not 'a fifth'",
                assertThrows(IllegalArgumentException.class,
                        () -> SftSettings.from(Map.of("sft-validation", "a fifth"))).getMessage());
    }

    @Test
    void grpoAndExternalAndEmbeddedRefuseUnknownKeys() {
        assertEquals("unknown setting 'learning-rat' for the grpo trainer; did you mean 'learning-rate'?",
                assertThrows(IllegalArgumentException.class,
                        () -> GrpoSettings.from(Map.of("learning-rat", "0.1"))).getMessage());
        assertEquals("unknown setting 'adapter_name' for the external trainer; did you mean 'adapter-name'?",
                assertThrows(IllegalArgumentException.class,
                        () -> ExternalSettings.from(Map.of("command", "true", "adapter_name", "a"))).getMessage());
        assertEquals("unknown setting 'chekpoint' for the embedded policy; did you mean 'checkpoint'?",
                assertThrows(IllegalArgumentException.class,
                        () -> EmbeddedSettings.from(Map.of("chekpoint", "x"))).getMessage());
    }

    @Test
    void aFixedRecipeIsReadAsTheRecipeCommentWritesItAndABadOneNamesTheNearest() {
        Recipe best = new Recipe(Map.of(Head.MODEL, "boosting", Head.CAPACITY, "high", Head.SCALE, "standard"));
        assertEquals(best, EmbeddedSettings.from(Map.of("recipe", best.describe())).recipe(),
                "what diversity prints reads back");
        assertEquals(best, EmbeddedSettings.from(Map.of("recipe", " model=boosting  capacity=high scale=standard"))
                .recipe(), "heads left out take their default");
        assertEquals("policy setting 'recipe' 'model=forrest capacity=mid': 'model=forrest' is not an option of model "
                        + "in the honest action space; did you mean 'forest'?",
                assertThrows(IllegalArgumentException.class, () -> EmbeddedSettings.from(
                        Map.of("recipe", "model=forrest capacity=mid"))).getMessage());
        assertEquals("policy setting 'recipe' 'modle=forest': 'modle=forest' does not name a recipe head; did you mean "
                        + "'model'?",
                assertThrows(IllegalArgumentException.class, () -> EmbeddedSettings.from(
                        Map.of("recipe", "modle=forest"))).getMessage());
        // A trap is an option only when the policy offers traps.
        assertThrows(IllegalArgumentException.class, () -> EmbeddedSettings.from(Map.of("recipe", "model=lightgbm")));
        assertEquals("lightgbm", EmbeddedSettings.from(Map.of("recipe", "model=lightgbm", "traps", "true")).recipe()
                .get(Head.MODEL));
    }

    @Test
    void sftSourceIsOwnOrExpert() {
        assertEquals(SftSettings.Source.OWN, SftSettings.from(Map.of()).source());
        assertEquals(SftSettings.Source.EXPERT, SftSettings.from(Map.of("source", "expert")).source());
        assertEquals("trainer setting 'source' must be own or expert, not 'teacher'",
                assertThrows(IllegalArgumentException.class, () -> SftSettings.from(Map.of("source", "teacher")))
                        .getMessage());
    }

    @Test
    void everyListedKeyChangesTheSettings() {
        assertEveryKeyIsRead(GrpoSettings.KEYS, GrpoSettings::from, "init-checkpoint");
        assertEveryKeyIsRead(SftSettings.KEYS, SftSettings::from, "init-checkpoint");
        assertEveryKeyIsRead(ExternalSettings.KEYS, m -> ExternalSettings.from(withCommand(m)), "command");
        assertEveryKeyIsRead(EmbeddedSettings.KEYS, EmbeddedSettings::from);
    }

    /**
     * Setting each key to a value other than its default changes the resolved settings; {@code elsewhere} are keys
     * read outside the settings record (the starting policy's checkpoint, the one required key).
     */
    private static void assertEveryKeyIsRead(List<String> keys, Function<Map<String, String>, Object> resolve,
                                             String... elsewhere) {
        Object defaults = resolve.apply(Map.of());
        for (String key : keys) {
            if (List.of(elsewhere).contains(key)) {
                continue;
            }
            String value = key.equals("keep") ? "valid" : key.equals("source") ? "expert"
                    : key.equals("recipe") ? "model=forest" : key.equals("traps") ? "true" : key.equals("endpoint") || key.equals("checkpoint")
                    || key.equals("adapter-name") ? "x" : key.equals("sft-validation") ? "0.5" : "3";
            assertNotEquals(defaults, resolve.apply(Map.of(key, value)), key + " is listed but not read");
        }
    }

    private static Map<String, String> withCommand(Map<String, String> m) {
        Map<String, String> all = new HashMap<>(m);
        all.putIfAbsent("command", "true");
        return all;
    }
}
