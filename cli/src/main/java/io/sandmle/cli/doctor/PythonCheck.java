package io.sandmle.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The interpreter agent code runs in, and the ML libraries agents import. */
final class PythonCheck implements Check {

    /** Importable module → the Debian package that provides it. */
    static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("numpy", "python3-numpy");
        LIBRARIES.put("pandas", "python3-pandas");
        LIBRARIES.put("sklearn", "python3-sklearn");
        LIBRARIES.put("scipy", "python3-scipy");
        LIBRARIES.put("xgboost", "python3-xgboost");
    }

    /** Prints the version, then "ok <module> <version>" or "missing <module> <error>" per library. */
    private static final String PROBE = """
            import importlib, sys
            print("python", sys.version.split()[0])
            for name in sys.argv[1:]:
                try:
                    print("ok", name, getattr(importlib.import_module(name), "__version__", "?"))
                except Exception as e:
                    print("missing", name, type(e).__name__)
            """;

    private final Path interpreter;

    PythonCheck(Path interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public List<Finding> run(Machine machine) {
        if (!Files.isExecutable(interpreter)) {
            return List.of(Finding.problem(true, "python", interpreter + " does not exist",
                    machine.aptInstall("python3 " + String.join(" ", LIBRARIES.values()))
                            + " (or choose another interpreter with --python)"));
        }
        List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-c", PROBE));
        command.addAll(LIBRARIES.keySet());
        Machine.Ran ran = machine.run(command, Duration.ofSeconds(120));
        if (!ran.output().startsWith("python ")) {
            return List.of(Finding.problem(true, "python", interpreter + " does not run: " + ran.firstLine(),
                    machine.aptInstall("python3")));
        }
        List<Finding> findings = new ArrayList<>();
        for (String line : ran.output().lines().toList()) {
            String[] word = line.split(" ", 3);
            if (word[0].equals("python")) {
                findings.add(Finding.ok("python", interpreter + " " + word[1]));
            } else if (word.length == 3 && word[0].equals("ok")) {
                findings.add(Finding.ok("  " + word[1], word[2]));
            } else if (word.length == 3 && word[0].equals("missing")) {
                findings.add(Finding.problem(true, "  " + word[1], "not importable by " + interpreter + " ("
                        + word[2] + ")", machine.aptInstall(LIBRARIES.get(word[1]))));
            }
        }
        return findings;
    }
}
