package io.sandmle.scaffolds.support;

import io.sandmle.api.Episode;
import io.sandmle.api.StepRecord;
import io.sandmle.support.EpisodeRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a scaffold tells the model about its task: the description, the public files, and where the data
 * appears to the agent's code (the environment's answer to {@code request_info data_path}, since only the
 * environment knows its sandbox layout).
 *
 * @param competitionId the task id
 * @param description   description.md, or the task title when the file is missing
 * @param files         the public files' names (archives left out, as SandMLE does)
 * @param dataLocation  the environment's description of where the public data is mounted
 */
public record TaskBrief(String competitionId, String description, List<String> files, String dataLocation) {

    private static final Pattern DATA_PATH = Pattern.compile("\"data_path\"\\s*:\\s*\"([^\"]+)\"");

    public TaskBrief {
        files = List.copyOf(files);
    }

    /** Reads the brief for the episode's task; asks the environment once for the data location. */
    public static TaskBrief of(EpisodeRun run) {
        Episode ep = run.episode();
        Path pub = ep.task().publicDir();
        String description;
        try {
            description = Files.readString(pub.resolve("description.md"));
        } catch (IOException | RuntimeException e) {
            description = ep.task().title();
        }
        List<String> files;
        try (Stream<Path> s = Files.list(pub)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.contains("zip")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            files = List.of();
        }
        StepRecord where = run.act("request_info", null, () -> ep.env().requestInfo("data_path"));
        return new TaskBrief(ep.task().id(), description.strip(), files, dataPath(where.observation()));
    }

    /** The path in an MLE-Dojo style answer ({@code … {"data_path": "/data"}}), else the whole answer. */
    static String dataPath(String observation) {
        Matcher m = DATA_PATH.matcher(observation);
        return m.find() ? m.group(1) : observation.strip();
    }

    /** The task block SandMLE puts in its first user message (sandmle.md §2.3). */
    public String asTaskBlock() {
        StringBuilder b = new StringBuilder();
        b.append("## Description\n## Competition ID: ").append(competitionId).append("\n\n").append(description)
                .append("\n\n## Files Provided:\n");
        files.forEach(f -> b.append("- ").append(f).append('\n'));
        b.append("\n## Dataset Folder:\n").append(dataLocation.strip()).append('\n');
        return b.toString();
    }
}
