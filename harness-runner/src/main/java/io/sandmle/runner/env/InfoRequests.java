package io.sandmle.runner.env;

import io.sandmle.api.Sandbox;

import io.sandmle.support.Json;

import io.sandmle.api.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Answers MLE-Dojo's {@code request_info}: {@code overview}, {@code sample_submission} (first three rows),
 * {@code data_structure}, {@code data_path}, {@code output_path}, {@code name}, {@code metadata},
 * {@code all}. Paths are given as the sandbox sees them.
 */
public final class InfoRequests {

    public static final List<String> TYPES = List.of("overview", "sample_submission", "data_structure", "data_path",
            "output_path", "name", "metadata");

    private final Task task;

    public InfoRequests(Task task) {
        this.task = task;
    }

    /** The observation for {@code infoType}; an unknown type gets one sentence listing the known ones. */
    String answer(String infoType) {
        String type = infoType == null ? "" : infoType.trim().toLowerCase();
        Map<String, Object> info = new LinkedHashMap<>();
        if (type.equals("all")) {
            TYPES.forEach(t -> info.put(t, value(t)));
        } else if (TYPES.contains(type)) {
            info.put(type, value(type));
        } else {
            return "=== Competition Info ===\nUnknown info_type '" + infoType + "'; use one of " + TYPES + " or all.";
        }
        return "=== Competition Info ===\nYour requested information: " + Json.write(info);
    }

    private Object value(String type) {
        return switch (type) {
            case "overview" -> overview();
            case "sample_submission" -> sampleRows();
            case "data_structure" -> dataStructure();
            case "data_path" -> Sandbox.DATA_MOUNT;
            case "output_path" -> Sandbox.WORK_MOUNT;
            case "name" -> task.id();
            default -> metadata();
        };
    }

    /** The task description followed by where its files are and where the submission goes. */
    public String overview() {
        Path pub = task.publicDir();
        String description = read(pub.resolve("description.md"));
        if (description.isEmpty()) {
            description = read(pub.resolve("description.txt"));
        }
        return description + "\n\n## Files provided (read-only) in " + Sandbox.DATA_MOUNT + ":\n"
                + String.join("\n", listing()) + "\n\nYour working directory is " + Sandbox.WORK_MOUNT
                + "; write submission.csv there, with the columns of sample_submission.csv.";
    }

    private List<String> listing() {
        try (Stream<Path> files = Files.list(task.publicDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.contains("zip")).sorted()
                    .map(n -> "- " + Sandbox.DATA_MOUNT + "/" + n).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Map<String, List<String>> sampleRows() {
        List<String> lines = read(task.publicDir().resolve("sample_submission.csv")).lines().limit(4).toList();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return columns;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String h : header) {
            columns.put(h, new ArrayList<>());
        }
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            for (int i = 0; i < header.length && i < cells.length; i++) {
                columns.get(header[i]).add(cells[i]);
            }
        }
        return columns;
    }

    private String dataStructure() {
        String given = read(task.publicDir().resolve("data_structure.txt"));
        if (!given.isEmpty()) {
            return given;
        }
        try (Stream<Path> all = Files.walk(task.publicDir(), 3)) {
            return String.join("\n", all.filter(p -> !p.equals(task.publicDir()))
                    .map(p -> Sandbox.DATA_MOUNT + "/" + task.publicDir().relativize(p)
                            + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().limit(200).toList());
        } catch (IOException e) {
            return "";
        }
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", task.id());
        m.put("title", task.title());
        m.put("metric", task.metric());
        m.put("lower_is_better", task.lowerIsBetter());
        m.put("task_type", task.taskType());
        m.put("modality", task.modality());
        return m;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
