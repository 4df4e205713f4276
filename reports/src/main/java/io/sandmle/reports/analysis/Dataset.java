package io.sandmle.reports.analysis;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The episodes of every compared run arranged as systems × tasks × runs (seeds), with the data
 * problems found on the way (duplicates, unnamed systems) recorded as plain sentences.
 */
public final class Dataset {

    private final List<String> systems;
    private final List<TaskKey> tasks;
    private final Run[][][] cells;
    private final ScoreKind scoreKind;
    private final Map<String, Set<String>> runIdsBySystem;
    private final List<String> problems;
    private final int episodes;

    private Dataset(List<String> systems, List<TaskKey> tasks, Run[][][] cells, ScoreKind scoreKind,
                    Map<String, Set<String>> runIdsBySystem, List<String> problems, int episodes) {
        this.systems = systems;
        this.tasks = tasks;
        this.cells = cells;
        this.scoreKind = scoreKind;
        this.runIdsBySystem = runIdsBySystem;
        this.problems = problems;
        this.episodes = episodes;
    }

    /** Arranges episodes; the baseline (if present) is listed first, other systems alphabetically. */
    public static Dataset of(List<EpisodeRecord> records, String baseline) {
        List<String> problems = new ArrayList<>();
        ScoreKind kind = ScoreKind.choose(records);
        TreeSet<String> names = new TreeSet<>();
        TreeMap<TaskKey, TaskKey> taskSet = new TreeMap<>();
        Map<String, Set<String>> runIds = new TreeMap<>();
        int unnamed = 0;
        for (EpisodeRecord e : records) {
            String system = systemOf(e);
            if (e.system() == null || e.system().isBlank()) {
                unnamed++;
            }
            names.add(system);
            TaskKey key = new TaskKey(Objects.requireNonNullElse(e.suite(), "(no suite)"),
                    Objects.requireNonNullElse(e.taskId(), "(no task)"),
                    e.category() == null || e.category().isBlank() ? "(uncategorised)" : e.category());
            taskSet.putIfAbsent(key, key);
            runIds.computeIfAbsent(system, s -> new TreeSet<>()).add(String.valueOf(e.runId()));
        }
        if (unnamed > 0) {
            problems.add(unnamed + " episodes name no system; they are reported as '(unnamed)'.");
        }
        List<String> systems = new ArrayList<>(names);
        if (baseline != null && systems.remove(baseline)) {
            systems.add(0, baseline);
        }
        List<TaskKey> tasks = new ArrayList<>(taskSet.keySet());
        Map<String, Integer> sIndex = indexOf(systems);
        Map<TaskKey, Integer> tIndex = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            tIndex.put(tasks.get(i), i);
        }
        List<List<List<Run>>> lists = new ArrayList<>();
        for (int s = 0; s < systems.size(); s++) {
            List<List<Run>> row = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                row.add(new ArrayList<>());
            }
            lists.add(row);
        }
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (EpisodeRecord e : records) {
            String system = systemOf(e);
            TaskKey key = taskSet.floorKey(new TaskKey(Objects.requireNonNullElse(e.suite(), "(no suite)"),
                    Objects.requireNonNullElse(e.taskId(), "(no task)"), ""));
            if (!seen.add(system + '\u0000' + key.suite() + '\u0000' + key.taskId() + '\u0000' + e.seed())) {
                duplicates++;
                continue;
            }
            lists.get(sIndex.get(system)).get(tIndex.get(key)).add(toRun(e, kind));
        }
        if (duplicates > 0) {
            problems.add(duplicates + " episodes repeat a (system, task, seed) already seen; only the first of each "
                    + "was used.");
        }
        Run[][][] cells = new Run[systems.size()][tasks.size()][];
        for (int s = 0; s < systems.size(); s++) {
            for (int t = 0; t < tasks.size(); t++) {
                List<Run> runs = lists.get(s).get(t);
                runs.sort((a, b) -> Long.compare(a.seed(), b.seed()));
                cells[s][t] = runs.toArray(Run[]::new);
            }
        }
        return new Dataset(List.copyOf(systems), List.copyOf(tasks), cells, kind, runIds, problems,
                records.size() - duplicates);
    }

    private static String systemOf(EpisodeRecord e) {
        return e.system() == null || e.system().isBlank() ? "(unnamed)" : e.system();
    }

    private static Run toRun(EpisodeRecord e, ScoreKind kind) {
        Grade g = e.grade();
        boolean valid = g != null && g.valid();
        return new Run(e.seed(), kind.score(e), g == null || g.medal() == null ? Medal.NONE : g.medal(),
                g != null && g.aboveMedian(), valid, g != null && g.submissionExists(),
                g != null && g.humanRank() != null ? g.humanRank() : Double.NaN, e.wallMillis());
    }

    private static <T> Map<T, Integer> indexOf(List<T> items) {
        Map<T, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            m.put(items.get(i), i);
        }
        return m;
    }

    public List<String> systems() {
        return systems;
    }

    public List<TaskKey> tasks() {
        return tasks;
    }

    public ScoreKind scoreKind() {
        return scoreKind;
    }

    public List<String> problems() {
        return problems;
    }

    /** Episodes used (after dropping duplicates). */
    public int episodeCount() {
        return episodes;
    }

    /** Run ids that contributed episodes of the system. */
    public Set<String> runIds(int system) {
        return runIdsBySystem.getOrDefault(systems.get(system), Set.of());
    }

    /** The runs of a system on a task, sorted by seed (possibly empty). */
    public Run[] runs(int system, int task) {
        return cells[system][task];
    }

    /** Indices of tasks on which the system has at least one run. */
    public int[] tasksOf(int system) {
        return java.util.stream.IntStream.range(0, tasks.size()).filter(t -> cells[system][t].length > 0).toArray();
    }

    /** Indices of tasks on which every listed system has at least one run. */
    public int[] commonTasks(int... systemIndices) {
        return java.util.stream.IntStream.range(0, tasks.size())
                .filter(t -> Arrays.stream(systemIndices).allMatch(s -> cells[s][t].length > 0)).toArray();
    }

    /** Every system index. */
    public int[] allSystems() {
        return java.util.stream.IntStream.range(0, systems.size()).toArray();
    }

    /** Scores of every run, per listed task. */
    public double[][] runScores(int system, int[] taskIndices) {
        double[][] out = new double[taskIndices.length][];
        for (int i = 0; i < taskIndices.length; i++) {
            out[i] = Arrays.stream(cells[system][taskIndices[i]]).mapToDouble(Run::score).toArray();
        }
        return out;
    }

    /** Mean score over runs, per listed task (the system must have runs on each). */
    public double[] taskMeans(int system, int[] taskIndices) {
        double[] out = new double[taskIndices.length];
        for (int i = 0; i < taskIndices.length; i++) {
            Run[] runs = cells[system][taskIndices[i]];
            double s = 0;
            for (Run r : runs) {
                s += r.score();
            }
            out[i] = s / runs.length;
        }
        return out;
    }

    /** The run of the system on the task with this seed, or null (runs are sorted by seed). */
    public Run runWithSeed(int system, int task, long seed) {
        Run[] runs = cells[system][task];
        int lo = 0;
        int hi = runs.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = runs[mid].seed();
            if (s == seed) {
                return runs[mid];
            }
            if (s < seed) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** Distinct seeds the system ran, ascending. */
    public long[] seedsOf(int system) {
        TreeSet<Long> seeds = new TreeSet<>();
        for (Run[] runs : cells[system]) {
            for (Run r : runs) {
                seeds.add(r.seed());
            }
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    /** Distinct suites, sorted. */
    public List<String> suites() {
        return tasks.stream().map(TaskKey::suite).distinct().sorted().toList();
    }

    /** Distinct categories, sorted. */
    public List<String> categories() {
        return tasks.stream().map(TaskKey::category).distinct().sorted().toList();
    }
}
