package io.sandmle.environments.generator;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Modality;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Role 2 of the SandMLE pipeline: synthesizes the task's data in its modality, the hidden answers and a sample
 * submission, writes the ladder of reference solutions, and runs them through the sandbox exactly as agent
 * code runs (one step for the whole ladder, to keep generation fast).
 */
final class MlDeveloper {

    /** Writes {@code prepared/public}, {@code prepared/private} and {@code reference/} for a spec. */
    void synthesize(TaskSpec spec, TaskFolder folder) throws IOException {
        Files.createDirectories(folder.publicDir());
        Files.createDirectories(folder.privateDir());
        Files.createDirectories(folder.referenceDir());
        Split[] sides = new Labeler(spec).sample();
        Split train = sides[0];
        Split test = sides[1];
        RowTable trainTable = new RowTable(train.rows());
        RowTable testTable = new RowTable(test.rows());
        List<String> ruleTerms = new ArrayList<>();
        int dims = spec.rule().latentDims();
        for (Map.Entry<ModalityRenderer, int[]> part : renderers(spec.modality(), spec.dna().inputStructure(), dims)) {
            part.getKey().render(new RenderJob(spec, part.getValue(), train, test, trainTable, testTable,
                    folder.publicDir(), ruleTerms));
        }
        TargetSchema target = spec.target();
        List<String> trainHeader = new ArrayList<>(List.of(target.idColumn()));
        trainHeader.addAll(trainTable.names());
        trainHeader.addAll(target.trainColumns());
        List<String[]> trainRows = new ArrayList<>();
        for (int i = 0; i < train.rows(); i++) {
            trainRows.add(concat(train.ids().get(i), trainTable.row(i), train.trainLabels().get(i)));
        }
        CsvFile.write(folder.publicDir().resolve("train.csv"), trainHeader, trainRows);
        List<String> testHeader = new ArrayList<>(List.of(target.idColumn()));
        testHeader.addAll(testTable.names());
        List<String[]> testRows = new ArrayList<>();
        List<String[]> answerRows = new ArrayList<>();
        List<String[]> sampleRows = new ArrayList<>();
        String[] sample = sampleCells(target);
        for (int i = 0; i < test.rows(); i++) {
            testRows.add(concat(test.ids().get(i), testTable.row(i), new String[0]));
            answerRows.add(concat(test.ids().get(i), new String[0], test.answers().get(i)));
            sampleRows.add(concat(test.ids().get(i), new String[0], sample));
        }
        CsvFile.write(folder.publicDir().resolve("test.csv"), testHeader, testRows);
        CsvFile.write(folder.privateDir().resolve("answers.csv"), target.submissionHeader(), answerRows);
        CsvFile.write(folder.publicDir().resolve("sample_submission.csv"), target.submissionHeader(), sampleRows);
        for (String rung : ReferenceLadder.RUNGS) {
            Files.writeString(folder.referenceDir().resolve("solution_" + rung.replace('-', '_') + ".py"),
                    ReferenceLadder.solution(target, rung));
        }
        Json.writeFile(folder.referenceDir().resolve("secrets.json"), Secrets.of(spec, ruleTerms));
    }

    /**
     * Runs a ladder script (every rung and both controls, in one sandbox step) and stores the submissions it
     * wrote under {@code reference/ladder/}. Returns the step's result (the caller drops the task if it failed).
     */
    ExecResult runLadder(TaskSpec spec, TaskFolder folder, String script, Executor executor) throws IOException {
        Path work = Files.createTempDirectory("sandmle-ladder-");
        try {
            Limits limits = Limits.defaults().withWallTime(Duration.ofMinutes(spec.scale() == io.sandmle.api.Scale.MICRO
                    ? 3 : 30));
            ExecResult result;
            try (Sandbox sandbox = executor.open(new SandboxSpec(work, folder.publicDir(), SandboxSpec.DEFAULT_PYTHON,
                    limits, false))) {
                result = sandbox.run(script);
            } catch (SandboxException e) {
                return new ExecResult(ExecResult.SCHEMA_VERSION, -1, "", e.getMessage(), 0, 0, 0, false,
                        "the sandbox could not run the reference ladder: " + e.getMessage());
            }
            TaskFolder.deleteTree(folder.ladderDir());
            Path ladder = Files.createDirectories(folder.ladderDir());
            for (String rung : allRuns()) {
                Path produced = work.resolve("ladder_" + rung + ".csv");
                if (Files.isRegularFile(produced)) {
                    Files.copy(produced, ladder.resolve(rung + ".csv"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return result;
        } finally {
            TaskFolder.deleteTree(work);
        }
    }

    static List<String> allRuns() {
        List<String> all = new ArrayList<>(ReferenceLadder.RUNGS);
        all.addAll(ReferenceLadder.CONTROLS);
        return all;
    }

    /** The renderers of a modality and the latent dimensions each encodes. */
    static List<Map.Entry<ModalityRenderer, int[]>> renderers(Modality modality, Map<String, String> structure,
                                                              int dims) {
        int[] all = IntStream.range(0, dims).toArray();
        return switch (modality) {
            case TABULAR -> List.of(Map.entry(new TabularRenderer(), all));
            case TEXT -> List.of(Map.entry(new TextRenderer(), all));
            case IMAGE -> List.of(Map.entry(new ImageRenderer(), all));
            case AUDIO -> List.of(Map.entry(new AudioRenderer(), all));
            case TIME_SERIES -> List.of(Map.entry(new TimeSeriesRenderer(), all));
            case GRAPH -> List.of(Map.entry(new GraphRenderer(), all));
            case MULTIMODAL -> {
                int half = dims / 2;
                ModalityRenderer second = structure.containsKey("image_size") ? new ImageRenderer()
                        : new TextRenderer();
                yield List.of(Map.entry(new TabularRenderer(), Arrays.copyOfRange(all, 0, half)),
                        Map.entry(second, Arrays.copyOfRange(all, half, dims)));
            }
        };
    }

    private static String[] sampleCells(TargetSchema t) {
        int n = t.submissionColumns().size();
        String[] cells = new String[n];
        switch (t.kind()) {
            case PROBABILITY -> Collections.nCopies(n, "0.5").toArray(cells);
            case CLASS_PROBABILITIES -> Collections.nCopies(n, Labeler.number(1.0 / n)).toArray(cells);
            case LABEL -> cells[0] = t.classNames().get(0);
            case RANKED_LABELS -> cells[0] = String.join(" ", t.classNames().subList(0, 3));
            case NUMBER -> Collections.nCopies(n, "0").toArray(cells);
            default -> throw new IllegalStateException("unknown target kind " + t.kind());
        }
        return cells;
    }

    private static String[] concat(String id, String[] middle, String[] tail) {
        String[] row = new String[1 + middle.length + tail.length];
        row[0] = id;
        System.arraycopy(middle, 0, row, 1, middle.length);
        System.arraycopy(tail, 0, row, 1 + middle.length, tail.length);
        return row;
    }
}
