package io.sandmle.cli.doctor;

import java.util.ArrayList;
import java.util.List;

/** Tools the report pipeline checks its output with: pdftoppm (PDF pages to PNG) and headless Chromium. */
final class ReportToolsCheck implements Check {

    @Override
    public List<Finding> run(Machine machine) {
        List<Finding> findings = new ArrayList<>();
        findings.add(machine.which("pdftoppm").map(p -> Finding.ok("pdftoppm", p.toString()))
                .orElse(Finding.problem(false, "pdftoppm", "not on PATH (report previews need it)",
                        machine.aptInstall("poppler-utils"))));
        findings.add(machine.which("chromium").map(p -> Finding.ok("chromium", p.toString()))
                .orElse(Finding.problem(false, "chromium", "not on PATH (HTML report checks need it)",
                        machine.aptInstall("chromium"))));
        return findings;
    }
}
