package io.sandmle.trainers.policy;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a chat request into a {@link PromptView}. Pure: the same messages and format always give the same view. */
public final class PromptReader {

    /** The comment the policy puts on top of its code so later turns know what it tried. */
    public static final String RECIPE_MARKER = "# recipe:";

    private static final List<Pattern> DATA_DIR_PATTERNS = List.of(
            Pattern.compile("Dataset Folder:\\**\\s*\\n?\\s*`?([^\\s`*]+)"),
            Pattern.compile("Files Provided in \\*\\*([^*\\n]+)\\*\\*"),
            Pattern.compile("(?i)data_dir[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',}]+)"),
            Pattern.compile("(?i)data_path[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',}]+)"),
            Pattern.compile("(?i)public (?:data|files) (?:is|are) (?:in|at|under) `?([^\\s`]+?)`?[.,]?\\s"));
    /** "Competition ID: x" first; a JSON competition_id only when the task block names none. */
    private static final List<Pattern> COMPETITION_IDS = List.of(
            Pattern.compile("Competition ID:\\s*([A-Za-z0-9_.-]+)"),
            Pattern.compile("\"competition_id\"\\s*:\\s*\"([A-Za-z0-9_.-]+)"));
    /** "You get 183 labelled patients" (generated tasks), "120 training rows"; first choice over the fallback. */
    private static final Pattern LABELLED_ROWS = Pattern.compile("(?i)(\\d[\\d,]*)\\s+(?:labell?ed|training)\\s+[a-z]");
    /** "120 rows"; not "samples", which in generated audio descriptions is a WAV file's length. */
    private static final Pattern ANY_ROWS = Pattern.compile("(?i)(\\d[\\d,]*)\\s+(?:rows|examples|records)\\b");
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^\\s*[-*]\\s+`?([\\w./-]+\\.\\w+|[\\w-]+/)`?");
    private static final Pattern ERROR_LINE = Pattern.compile("\\b\\w*(Error|Exception)\\b:");
    private static final Pattern LOWER_IS_BETTER = Pattern.compile("metric_lower_is_better[^:]*\":\\s*true");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d*\\.?\\d+(?:[eE][-+]?\\d+)?");

    /** Metric names with the phrases that announce them, most specific first. */
    private static final List<Map.Entry<String, List<String>>> METRICS = List.of(
            Map.entry("mcrmse", List.of("mcrmse", "mean columnwise root mean squared",
                    "each column's root mean squared error")),
            Map.entry("rmsle", List.of("rmsle", "root mean squared logarithmic", "root mean squared log")),
            Map.entry("rmse", List.of("rmse", "root mean squared error", "root mean square error")),
            Map.entry("roc-auc", List.of("roc-auc", "roc auc", "auc", "area under the roc", "area under the receiver")),
            Map.entry("log-loss", List.of("log-loss", "log loss", "logloss", "cross-entropy", "cross entropy")),
            Map.entry("qwk", List.of("qwk", "quadratic weighted kappa")),
            Map.entry("f1-macro", List.of("f1-macro", "macro f1", "macro-f1", "f1 score", "f1")),
            Map.entry("map-at-k", List.of("map-at-k", "map@", "mean average precision")),
            Map.entry("mae", List.of("mae", "mean absolute error")),
            Map.entry("mse", List.of("mse", "mean squared error")),
            Map.entry("r2", List.of("r2", "r^2", "r-squared", "coefficient of determination")),
            Map.entry("accuracy", List.of("accuracy")));

    /** Task types with the phrases that announce them, most specific first. */
    private static final List<Map.Entry<String, List<String>>> TASK_TYPE_PHRASES = List.of(
            Map.entry("multilabel", List.of("multilabel", "multi-label", "for each of several flags")),
            Map.entry("ranking", List.of("rank the three most likely")),
            Map.entry("multiclass", List.of("multiclass", "multi-class", "belongs to each of", "on an ordered scale",
                    "assign each")),
            Map.entry("binary", List.of("binary", "estimate the probability that", "decide whether each")),
            Map.entry("regression", List.of("regression", "each target cell is a number")));
    /**
     * Modalities with the phrases that announce them, in the order they are tried: the generator's multi-modal
     * wording before the media it names, file names before the generic words MLE-bench descriptions use.
     */
    private static final List<Map.Entry<Modality, List<String>>> MODALITY_PHRASES = List.of(
            Map.entry(Modality.MULTIMODAL, List.of("tabular measurements plus", "multi-modal", "multimodal")),
            Map.entry(Modality.GRAPH, List.of("nodes.csv", "edges.csv")),
            Map.entry(Modality.TIME_SERIES, List.of("series.csv", "time series", "forecast")),
            Map.entry(Modality.IMAGE, List.of("images/", ".png", ".jpg", "image")),
            Map.entry(Modality.AUDIO, List.of("audio/", ".wav", "audio")),
            Map.entry(Modality.TEXT, List.of("free-text", "free text", "documents")));

    /** One alternation per metric, compiled once, in the order of {@link #METRICS}. */
    private static final Map<String, Pattern> METRIC_PATTERNS = new LinkedHashMap<>();
    private static final Map<String, Pattern> KEYWORD_PATTERNS = new LinkedHashMap<>();

    static {
        for (Map.Entry<String, List<String>> e : METRICS) {
            String alternatives = String.join("|", e.getValue().stream().map(Pattern::quote).toList());
            METRIC_PATTERNS.put(e.getKey(), Pattern.compile("(?<![a-z0-9])(?:" + alternatives + ")(?![a-z0-9])"));
        }
        PromptView.KEYWORDS.forEach((k, phrases) -> KEYWORD_PATTERNS.put(k,
                Pattern.compile("(?<![a-z])(?:" + String.join("|", phrases.stream().map(Pattern::quote).toList()) + ")")));
    }

    /** The view of {@code messages} sent with the declared {@code format} (never guessed from the text). */
    public PromptView read(List<ChatMessage> messages, ResponseFormat declared) {
        // A free-text request gets a plan and a script: the most useful answer that needs no parser.
        ResponseFormat format = declared == ResponseFormat.FREE_TEXT ? ResponseFormat.PLAN_AND_CODE : declared;
        String task = taskText(messages);
        String lower = task.toLowerCase(Locale.ROOT);
        String metric = metric(lower);
        String observation = lastObservation(messages, format);
        String allUserText = allText(messages, "user") + "\n" + allText(messages, "system");
        String dataDir = dataDir(allUserText, format);
        Phase phase = phase(messages, format, observation, dataDir);
        ErrorKind error = phase == Phase.ERROR ? ErrorKind.of(observation) : ErrorKind.NONE;
        return new PromptView(format, taskId(task), dataDir, files(task), metric, taskType(lower, metric),
                modality(lower), rows(task), keywords(lower), phase, error, feedback(observation, phase),
                previousRecipe(messages), turns(messages));
    }

    private static String taskText(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        int users = 0;
        for (ChatMessage m : messages) {
            if ("system".equals(m.role()) || ("user".equals(m.role()) && users++ == 0)) {
                text.append(m.content()).append('\n');
            }
        }
        return text.toString();
    }

    private static String allText(List<ChatMessage> messages, String role) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage m : messages) {
            if (role.equals(m.role())) {
                text.append(m.content()).append('\n');
            }
        }
        return text.toString();
    }

    /** The newest observation: the last non-assistant message after the first user turn (AIDE: its debug section). */
    private static String lastObservation(List<ChatMessage> messages, ResponseFormat format) {
        if (format == ResponseFormat.PLAN_AND_CODE) {
            String all = taskText(messages);
            int at = all.indexOf("Execution output");
            return at < 0 ? "" : all.substring(at);
        }
        if (messages.size() < 2) {
            return "";
        }
        ChatMessage last = messages.get(messages.size() - 1);
        boolean afterAssistant = messages.stream().anyMatch(m -> "assistant".equals(m.role()));
        return afterAssistant && !"assistant".equals(last.role()) ? last.content() : "";
    }

    private static String dataDir(String text, ResponseFormat format) {
        for (Pattern p : DATA_DIR_PATTERNS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.group(1).trim();
            }
        }
        return format == ResponseFormat.PLAN_AND_CODE ? "./input" : null;
    }

    private static String taskId(String task) {
        for (Pattern p : COMPETITION_IDS) {
            Matcher m = p.matcher(task);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "task";
    }

    private static String metric(String lower) {
        for (Map.Entry<String, Pattern> e : METRIC_PATTERNS.entrySet()) {
            if (e.getValue().matcher(lower).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * What a submission predicts: the words MLE-bench descriptions use, then the goal sentences the generator's
     * descriptions use (docs/GENERATOR.md, Technical Writer), then what the metric implies.
     */
    private static String taskType(String lower, String metric) {
        for (Map.Entry<String, List<String>> e : TASK_TYPE_PHRASES) {
            if (e.getValue().stream().anyMatch(lower::contains)) {
                return e.getKey();
            }
        }
        if (metric == null) {
            return "unknown";
        }
        return switch (metric) {
            case "rmse", "rmsle", "mae", "mse", "mcrmse", "r2" -> "regression";
            case "roc-auc" -> "binary";
            case "map-at-k" -> "ranking";
            default -> "unknown";
        };
    }

    /** The first modality whose phrases the task text holds; the generator's phrases and file names come first. */
    private static Modality modality(String lower) {
        for (Map.Entry<Modality, List<String>> e : MODALITY_PHRASES) {
            if (e.getValue().stream().anyMatch(lower::contains)) {
                return e.getKey();
            }
        }
        return Modality.TABULAR;
    }

    private static int rows(String task) {
        for (Pattern p : List.of(LABELLED_ROWS, ANY_ROWS)) {
            Matcher m = p.matcher(task);
            if (m.find()) {
                return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(1).replace(",", "")));
            }
        }
        return 0;
    }

    private static Set<String> keywords(String lower) {
        Set<String> found = new LinkedHashSet<>();
        KEYWORD_PATTERNS.forEach((k, p) -> {
            if (p.matcher(lower).find()) {
                found.add(k);
            }
        });
        return found;
    }

    private static List<String> files(String task) {
        List<String> files = new ArrayList<>();
        Matcher m = FILE_LINE.matcher(task);
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }

    private static Phase phase(List<ChatMessage> messages, ResponseFormat format, String observation, String dataDir) {
        if (format == ResponseFormat.PLAN_AND_CODE) {
            String all = taskText(messages);
            if (all.contains("Previous (buggy) implementation") || all.contains("buggy")) {
                return Phase.ERROR;
            }
            return all.contains("Previous solution") ? Phase.IMPROVE : Phase.FRESH;
        }
        if (observation.isEmpty()) {
            return format == ResponseFormat.JSON_ACTION && dataDir == null ? Phase.NEED_DATA_PATH : Phase.FRESH;
        }
        if (failed(observation)) {
            return Phase.ERROR;
        }
        if (scored(observation)) {
            return Phase.SCORED;
        }
        String lastAction = lastAssistant(messages);
        if (format == ResponseFormat.JSON_ACTION) {
            if (dataDir == null) {
                return Phase.NEED_DATA_PATH;
            }
            return lastAction.contains("request_info") ? Phase.FRESH : Phase.ERROR;
        }
        if (!lastAction.contains(RECIPE_MARKER)) {
            return Phase.FRESH;
        }
        return observation.contains("submission.csv") && !observation.toLowerCase(Locale.ROOT).contains("not found")
                ? Phase.RAN : Phase.ERROR;
    }

    private static boolean failed(String observation) {
        String lower = observation.toLowerCase(Locale.ROOT);
        return observation.contains("Traceback (most recent call last)")
                || ERROR_LINE.matcher(observation).find()
                || lower.contains("execution failed") || lower.contains("#### error start")
                || lower.contains("submission csv is invalid") || lower.contains("[timeout]")
                || lower.contains("timed out") || lower.contains("submission file not found");
    }

    private static boolean scored(String observation) {
        return observation.contains("Submission OK") || observation.contains("score_primary")
                || observation.contains("Position Score") || observation.contains("\"score\"");
    }

    private static ScoreFeedback feedback(String observation, Phase phase) {
        if (phase == Phase.ERROR && observation.toLowerCase(Locale.ROOT).contains("invalid")) {
            return ScoreFeedback.INVALID;
        }
        if (phase != Phase.SCORED) {
            return ScoreFeedback.NONE;
        }
        Double score = number(observation, "score_primary");
        Double median = number(observation, "threshold_median");
        Double bronze = number(observation, "threshold_bronze");
        boolean lowerBetter = LOWER_IS_BETTER.matcher(observation).find();
        if (score != null && bronze != null && (lowerBetter ? score <= bronze : score >= bronze)) {
            return ScoreFeedback.MEDAL;
        }
        if (score != null && median != null && (lowerBetter ? score <= median : score >= median)) {
            return ScoreFeedback.ABOVE_MEDIAN;
        }
        if (score != null && median != null) {
            return ScoreFeedback.BELOW_MEDIAN;
        }
        return observation.contains("do not reach") ? ScoreFeedback.BELOW_MEDIAN : ScoreFeedback.MEDAL;
    }

    /** The number after the first JSON key that starts with {@code key}. */
    private static Double number(String text, String key) {
        int at = text.indexOf("\"" + key);
        if (at < 0) {
            return null;
        }
        int colon = text.indexOf(':', at);
        Matcher m = NUMBER.matcher(text);
        return colon >= 0 && m.find(colon) && m.start() - colon < 4 ? Double.valueOf(m.group()) : null;
    }

    private static String lastAssistant(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("assistant".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    private static Map<Head, String> previousRecipe(List<ChatMessage> messages) {
        Map<Head, String> recipe = new EnumMap<>(Head.class);
        String text = lastRecipeText(messages);
        if (text == null) {
            return recipe;
        }
        for (String part : text.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    Head head = Head.byKey(part.substring(0, eq));
                    String value = part.substring(eq + 1);
                    if (head.library().contains(value)) {
                        recipe.put(head, value);
                    }
                } catch (IllegalArgumentException notAHead) {
                    // A hand-edited or foreign comment: keep what parses.
                }
            }
        }
        return recipe;
    }

    private static String lastRecipeText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            String content = messages.get(i).content();
            int at = content.lastIndexOf(RECIPE_MARKER);
            if (at >= 0 && ("assistant".equals(messages.get(i).role()) || i == 0)) {
                int end = content.indexOf('\n', at);
                return content.substring(at + RECIPE_MARKER.length(), end < 0 ? content.length() : end);
            }
        }
        return null;
    }

    private static int turns(List<ChatMessage> messages) {
        return (int) messages.stream().filter(m -> "assistant".equals(m.role())).count();
    }
}
