package io.sandmle.cli.doctor;

import java.util.List;

/** The JVM running the harness: Java 17 or newer. */
final class JavaCheck implements Check {

    @Override
    public List<Finding> run(Machine machine) {
        Runtime.Version version = Runtime.version();
        String detail = version + " (" + System.getProperty("java.home") + ")";
        return List.of(version.feature() >= 17 ? Finding.ok("java", detail)
                : Finding.problem(true, "java", detail + " is older than 17", machine.aptInstall("openjdk-17-jdk")));
    }
}
