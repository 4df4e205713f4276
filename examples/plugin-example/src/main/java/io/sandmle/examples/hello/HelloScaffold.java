package io.sandmle.examples.hello;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.List;

/**
 * The smallest useful scaffold: it asks the policy once about the task and ends the episode with
 * that answer. Real scaffolds loop over model calls and environment steps; the shape is the same.
 */
public final class HelloScaffold implements Scaffold {

    @Override
    public Trajectory run(Episode episode) {
        long started = System.currentTimeMillis();
        List<ChatMessage> prompt = List.of(
                ChatMessage.system("You are a machine-learning engineer. Answer in one sentence."),
                ChatMessage.user("How would you approach the task '" + episode.task().title() + "'?"));
        ChatResponse response = episode.model().chat(new ChatRequest(prompt, episode.sampling(), null, false));
        Turn turn = new Turn(0, prompt, response, "answer", null, response.failed() ? response.error() : null, 0);
        return new Trajectory(Trajectory.SCHEMA_VERSION, episode.episodeId(), episode.task().id(), "hello-scaffold",
                episode.model().id(), episode.seed(), List.of(turn), null,
                response.failed() ? "model_error" : "answered", System.currentTimeMillis() - started);
    }
}
