package io.sandmle.trainers.policy;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Usage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The offline default policy: reads the task and the last observation from the chat, samples a
 * solution recipe from the {@link PolicyNetwork}'s categorical heads and answers in the
 * scaffold's format with runnable Python. Each sampled choice is returned as a token log-prob
 * ({@code model=forest}) so GRPO can train it.
 *
 * <p>Sampling is seeded by the request's sampling seed (or the policy's seed) mixed with the
 * conversation after the system prompt: the same seed, task and observations always give the same
 * choices.
 *
 * <p>Given a fixed {@link Recipe} (the {@code recipe} setting, or {@link #playing}), it plays that recipe on every
 * code turn instead of sampling one, answers as soon as a submission is scored and replays the recipe after a
 * failure: the same turns and tokens as a sampling policy that happened to choose so, which makes it the
 * best-fixed-recipe baseline and the expert whose trajectories SFT clones.
 */
public final class EmbeddedPolicy implements LanguageModel {

    private final PolicyNetwork network;
    private final long seed;
    private final String id;
    /** Per head, the option a fixed recipe takes instead of sampling; empty for a sampling policy. */
    private final Map<Head, String> forced;
    private final PromptReader reader = new PromptReader();
    private final FeatureEncoder encoder = new FeatureEncoder();
    private final ResponseWriter writer = new ResponseWriter();

    public EmbeddedPolicy(PolicyNetwork network, long seed, String id) {
        this(network, seed, id, null);
    }

    /**
     * @param recipe the recipe to play on every code turn, or {@code null} to sample one
     * @throws IllegalArgumentException when the recipe has an option outside the network's action space
     */
    public EmbeddedPolicy(PolicyNetwork network, long seed, String id, Recipe recipe) {
        this.network = network;
        this.seed = seed;
        this.id = id;
        this.forced = recipe == null ? Map.of() : forcedBy(recipe, network.space());
    }

    /** A policy over the same network that plays {@code recipe} on every code turn, under the episode id {@code id}. */
    public EmbeddedPolicy playing(Recipe recipe, String id) {
        return new EmbeddedPolicy(network, seed, id, recipe);
    }

    private static Map<Head, String> forcedBy(Recipe recipe, ActionSpace space) {
        if (!recipe.within(space).equals(recipe)) {
            throw new IllegalArgumentException("the fixed recipe '" + recipe.describe() + "' takes a trap outside the "
                    + "honest action space; set the policy setting traps: true to play it");
        }
        Map<Head, String> forced = new EnumMap<>(recipe.choices());
        // A scored fixed recipe has nothing left to try; a failed one is played again rather than changed.
        forced.put(Head.NEXT, "answer");
        forced.put(Head.FIX, "resample");
        return Map.copyOf(forced);
    }

    /** An untrained policy over the honest action space: near-uniform over every recipe. */
    public static EmbeddedPolicy untrained(long seed) {
        return new EmbeddedPolicy(PolicyNetwork.create(ActionSpace.HONEST, FeatureEncoder.SIZE, 32, seed), seed,
                "embedded");
    }

    public PolicyNetwork network() {
        return network;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        long start = System.nanoTime();
        try {
            PromptView view = reader.read(request.messages(), request.responseFormat());
            float[] logits = network.logits(encoder.encode(view));
            double temperature = request.sampling() == null ? 1.0 : request.sampling().temperature();
            ChoiceSampler sampler = new ChoiceSampler(network.space(), logits, temperature, random(request),
                    forced);
            Action action = decide(view, sampler);
            String content = writer.write(action, view);
            long promptChars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
            return new ChatResponse(content, null, sampler.tokens(), new Usage(promptChars / 4, content.length() / 4, 0),
                    "stop", null, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            return ChatResponse.failure("the embedded policy could not answer: " + e.getMessage(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The choice rows of one turn, rebuilt from its prompt, declared format and tokens (GRPO and SFT train on these). */
    public List<ChoiceBatch.Row> rows(List<ChatMessage> prompt, ResponseFormat format, List<TokenLogprob> tokens) {
        Objects.requireNonNull(format, "the turn records no response format (a trajectory from before turns "
                + "recorded one); roll it out again to train on it");
        float[] features = encoder.encode(reader.read(prompt, format));
        List<ChoiceBatch.Row> rows = new ArrayList<>();
        for (TokenLogprob t : tokens) {
            int eq = t.token().indexOf('=');
            Head head = Head.byKey(t.token().substring(0, eq));
            rows.add(new ChoiceBatch.Row(features, head, network.space().indexOf(head, t.token().substring(eq + 1))));
        }
        return rows;
    }

    private SplittableRandom random(ChatRequest request) {
        long base = request.sampling() != null && request.sampling().seed() != null ? request.sampling().seed() : seed;
        long h = 1125899906842597L;
        for (ChatMessage m : request.messages()) {
            if (m.role().equals("system")) {
                continue; // the scaffold's instructions carry the current date; a seed must mean the same choices on any day
            }
            h = 31 * h + m.role().hashCode();
            h = 31 * h + m.content().hashCode();
        }
        return new SplittableRandom(base * 0x9E3779B97F4A7C15L ^ h);
    }

    private Action decide(PromptView view, ChoiceSampler sampler) {
        return switch (view.phase()) {
            case NEED_DATA_PATH -> new Action(Action.Kind.REQUEST_DATA_PATH, null,
                    "I do not know where the data is yet, so I ask for the data path first.");
            case RAN -> new Action(Action.Kind.SCORE, null, "The script wrote submission.csv; I grade it now.");
            case SCORED -> afterScore(view, sampler);
            case ERROR -> afterError(view, sampler);
            case FRESH, IMPROVE -> code(sample(view, sampler), "");
        };
    }

    private Action afterScore(PromptView view, ChoiceSampler sampler) {
        if (view.format() == ResponseFormat.REACT && sampler.pick(Head.NEXT).equals("answer")) {
            return new Action(Action.Kind.ANSWER, null, "The submission is scored and the feedback looks good enough.");
        }
        return code(sample(view, sampler), "The last score can improve, so I try another recipe. ");
    }

    private Action afterError(PromptView view, ChoiceSampler sampler) {
        if (view.previousRecipe().isEmpty()) {
            return code(sample(view, sampler), "");
        }
        Recipe previous = new Recipe(view.previousRecipe()).within(network.space());
        return switch (sampler.pick(Head.FIX)) {
            case "repair" -> code(previous.repair(view.error()), "The last run failed (" + view.error()
                    .name().toLowerCase() + "), so I repair that cause and keep the rest of the recipe. ");
            case "simplest" -> code(Recipe.simplest(network.space()),
                    "The last run failed, so I fall back to the simplest model. ");
            default -> code(sample(view, sampler), forced.isEmpty() ? "The last run failed, so I try a different recipe. "
                    : "The last run failed; I play the fixed recipe again. ");
        };
    }

    private static Recipe sample(PromptView view, ChoiceSampler sampler) {
        Map<Head, String> choices = new EnumMap<>(Head.class);
        for (Head h : Head.recipeHeads()) {
            if (h != Head.TARGET || view.regression()) {
                choices.put(h, sampler.pick(h));
            }
        }
        return new Recipe(choices);
    }

    private static Action code(Recipe recipe, String why) {
        String plan = why + "I load train.csv, test.csv and sample_submission.csv from the data folder. "
                + "Categorical columns are handled by " + recipe.get(Head.ENCODE) + " encoding, missing values by "
                + recipe.get(Head.IMPUTE) + " imputation, and features are scaled: " + recipe.get(Head.SCALE) + ". "
                + "I fit a " + recipe.get(Head.MODEL) + " model with " + recipe.get(Head.CAPACITY) + " capacity ("
                + recipe.get(Head.ENSEMBLE) + "). "
                + "Finally I write submission.csv with the sample submission's columns.";
        return new Action(Action.Kind.CODE, recipe, plan);
    }
}
