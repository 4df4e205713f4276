package io.sandmle.executors.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one sandbox is given of the host beyond {@link IsolationCommand}'s fixed view: device nodes (an episode's
 * GPUs), folders shown read-only at their own path (a Python environment) and environment variables.
 *
 * @param devices    host device node → its path inside the sandbox
 * @param readOnly   host folders shown read-only at the same path
 * @param env        variables set inside the sandbox
 * @param optionsFd  a file descriptor bubblewrap reads more of these options from when it starts (NUL-separated,
 *                   its {@code --args}): what is only known where the sandbox starts, such as a Slurm job's GPUs
 */
public record Passthrough(Map<Path, String> devices, List<Path> readOnly, Map<String, String> env,
                          OptionalInt optionsFd) {

    /** Nothing beyond the fixed view. */
    public static final Passthrough NONE = new Passthrough(Map.of(), List.of(), Map.of());

    /** Devices, folders and variables known when the command is built. */
    public Passthrough(Map<Path, String> devices, List<Path> readOnly, Map<String, String> env) {
        this(devices, readOnly, env, OptionalInt.empty());
    }

    /** Only what bubblewrap reads from {@code fd} when it starts. */
    public static Passthrough optionsFrom(int fd) {
        return new Passthrough(Map.of(), List.of(), Map.of(), OptionalInt.of(fd));
    }

    public Passthrough {
        devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
        readOnly = List.copyOf(readOnly);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** This passthrough and {@code other}'s together. */
    public Passthrough and(Passthrough other) {
        Map<Path, String> allDevices = new LinkedHashMap<>(devices);
        allDevices.putAll(other.devices);
        List<Path> allReadOnly = new ArrayList<>(readOnly);
        allReadOnly.addAll(other.readOnly);
        Map<String, String> allEnv = new LinkedHashMap<>(env);
        allEnv.putAll(other.env);
        return new Passthrough(allDevices, allReadOnly, allEnv, other.optionsFd.isPresent() ? other.optionsFd : optionsFd);
    }

    /** The bubblewrap options; they come after {@code --dev}, {@code --tmpfs /tmp} and {@code --clearenv}. */
    public List<String> bubblewrapArgs() {
        List<String> argv = new ArrayList<>();
        for (Path folder : readOnly) {
            // Parents bwrap makes on its own are 0700, which the unprivileged sandbox user could not pass through:
            // make them explicitly (0755), top down; one that exists already is left as it is.
            for (int depth = 1; depth < folder.getNameCount(); depth++) {
                argv.addAll(List.of("--dir", folder.getRoot().resolve(folder.subpath(0, depth)).toString()));
            }
            argv.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
        }
        devices.forEach((host, inside) -> argv.addAll(List.of("--dev-bind", host.toString(), inside)));
        env.forEach((name, value) -> argv.addAll(List.of("--setenv", name, value)));
        optionsFd.ifPresent(fd -> argv.addAll(List.of("--args", Integer.toString(fd))));
        return argv;
    }
}
