package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Sampling;
import io.sandmle.api.Usage;
import io.sandmle.runner.plugins.Extensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The first chat a scaffold sends a policy on an environment's task, recorded by a model that answers at once so
 * the episode ends there. A recipe or feature read from this prompt is read from what a policy really sees (the
 * diversity measure and the embedded policy's tests use it).
 */
public final class FirstPrompt {

    private FirstPrompt() {
    }

    public static List<ChatMessage> of(Extensions extensions, String scaffold, MleEnvironment env) {
        List<List<ChatMessage>> asked = new ArrayList<>();
        LanguageModel recorder = new LanguageModel() {
            @Override
            public String id() {
                return "prompt-recorder";
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                asked.add(request.messages());
                // Ends the episode at once: only the prompt is wanted.
                return new ChatResponse("<think>\nrecorded\n</think>\n<answer>done</answer>", null, List.of(),
                        Usage.NONE, "stop", null, 0);
            }
        };
        extensions.create(ExtensionKind.SCAFFOLD, scaffold).run(new Episode("prompt", env.task(), env, recorder,
                new Budget(1, Duration.ofMinutes(1), Duration.ofSeconds(30)), Sampling.defaults(), 1));
        return asked.get(0);
    }
}
