package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Latent dimensions as word counts in a free-text column: each dimension has a cue word that appears more
 * often as z grows and an opposite cue that appears more often as it falls, mixed with domain filler words.
 * Only a bag-of-words model that finds the cues recovers the rule.
 */
final class TextRenderer implements ModalityRenderer {

    private static final List<String> FILLER = List.of("the", "and", "was", "with", "after", "before", "very",
            "some", "again", "noted", "today", "report", "during", "while", "still", "also");

    @Override
    public void render(RenderJob job) {
        TaskSpec spec = job.spec();
        List<String> words = TabularRenderer.shuffled(spec.domain().words(), spec.random("text-cues"));
        int cues = 2 * job.dims().length;
        List<String> fillers = new ArrayList<>(words.subList(cues, words.size()));
        fillers.addAll(FILLER);
        for (int k = 0; k < cues; k++) {
            job.ruleTerms().add(words.get(k));
        }
        SeededRandom random = spec.random("text-rows");
        int extra = spec.mutations().distractors();
        for (Split side : job.sides()) {
            String[] texts = new String[side.rows()];
            for (int i = 0; i < texts.length; i++) {
                List<String> tokens = new ArrayList<>();
                for (int k = 0; k < job.dims().length; k++) {
                    double z = side.z()[i][job.dims()[k]];
                    repeat(tokens, words.get(2 * k), count(1.2 + 1.1 * z + 0.3 * random.gaussian()));
                    repeat(tokens, words.get(2 * k + 1), count(1.2 - 1.1 * z + 0.3 * random.gaussian()));
                }
                int filler = random.between(6, 14) + 2 * extra;
                for (int f = 0; f < filler; f++) {
                    tokens.add(random.pick(fillers));
                }
                List<String> ordered = TabularRenderer.shuffled(tokens, random);
                texts[i] = String.join(" ", ordered);
            }
            job.table(side).add("text", texts);
        }
    }

    private static int count(double expected) {
        return (int) Math.max(0, Math.round(expected));
    }

    private static void repeat(List<String> tokens, String word, int times) {
        for (int t = 0; t < times; t++) {
            tokens.add(word);
        }
    }
}
