package io.sandmle.executors.local;

import io.sandmle.support.SettingKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the local executor runs steps.
 *
 * @param warm         serve steps from a warm Python worker when isolation allows it (the default)
 * @param warmStartup  how long a step waits for its episode's worker to finish importing before
 *                     running cold instead
 * @param gpuDevices   the folder scanned for NVIDIA device nodes when a step asks for GPUs ({@code /dev})
 * @param pythonPrefix a Python environment (venv or conda prefix) shown read-only at its own path, whose
 *                     {@code bin/python} runs steps and warm workers; {@code null} for the configured interpreter
 * @param zygote       fork each episode's warm worker from one pre-imported zygote (the default when the harness runs
 *                     as root); false makes every worker import the ML libraries itself
 */
public record LocalOptions(boolean warm, Duration warmStartup, Path gpuDevices, Path pythonPrefix, boolean zygote) {

    /** The keys of {@code executor.settings} for the local executor. */
    public static final List<String> KEYS = List.of("warm", "gpu-devices", "python-prefix", "zygote");
    /** Where the kernel puts NVIDIA's device nodes. */
    public static final Path DEVICES = Path.of("/dev");

    /** Options with GPUs looked for in {@code /dev} and no Python environment of its own. */
    public LocalOptions(boolean warm, Duration warmStartup) {
        this(warm, warmStartup, DEVICES, null, true);
    }

    /** Defaults, with warm workers turned off by {@code SANDMLE_WARM=0} or {@code -Dsandmle.warm=false}. */
    public static LocalOptions fromEnvironment() {
        return from(Map.of());
    }

    /**
     * The environment's options with the config's {@code executor.settings} over them: {@code warm: false} turns
     * warm workers off as {@code SANDMLE_WARM=0} does, {@code warm: true} keeps them on whatever the environment says;
     * {@code gpu-devices} names the device folder, {@code python-prefix} a Python environment, {@code zygote: false}
     * starts every warm worker on its own.
     *
     * @throws IllegalArgumentException with one sentence for an unknown key (naming the nearest) or a bad value
     */
    public static LocalOptions from(Map<String, String> settings) {
        SettingKeys.requireKnown(settings, KEYS, "the local executor");
        String setting = settings.get("warm");
        requireFlag("warm", setting);
        String zygote = settings.getOrDefault("zygote", "true");
        requireFlag("zygote", zygote);
        boolean fromEnvironment = !"0".equals(System.getenv("SANDMLE_WARM"))
                && !"false".equalsIgnoreCase(System.getProperty("sandmle.warm", "true"));
        Path devices = Path.of(settings.getOrDefault("gpu-devices", DEVICES.toString()));
        if (!Files.isDirectory(devices)) {
            throw new IllegalArgumentException("The local executor's gpu-devices setting names " + devices
                    + ", which is not a folder; name the folder holding nvidia0, nvidia1 … (normally /dev).");
        }
        String prefix = settings.get("python-prefix");
        return new LocalOptions(setting == null ? fromEnvironment : Boolean.parseBoolean(setting), Duration.ofSeconds(60),
                devices.toAbsolutePath().normalize(), prefix == null ? null : PythonPrefix.check(Path.of(prefix)),
                Boolean.parseBoolean(zygote));
    }

    private static void requireFlag(String key, String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("The local executor's " + key + " setting must be true or false, not '"
                    + value + "'.");
        }
    }
}
