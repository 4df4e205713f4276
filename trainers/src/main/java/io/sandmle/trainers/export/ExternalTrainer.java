package io.sandmle.trainers.export;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.Trainer;
import io.sandmle.api.TrainingResult;
import io.sandmle.api.TrainingSession;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.grpo.RolloutStats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code external}: trains an LLM with a trainer outside the harness (verl, rLLM, TRL …). Each step
 * it rolls out the session's policy, exports the groups ({@link RolloutExport}: train.parquet and
 * sft.jsonl) to {@code <checkpoints>/step-NNNN/}, runs the user's {@code command} on them, and then
 * hot-swaps the endpoint to the adapter the command wrote (vLLM: unload, then
 * {@code POST /v1/load_lora_adapter} under the same {@code adapter-name}, which is the policy's
 * model name).
 *
 * <p>Settings ({@link ExternalSettings}): {@code command} (run with {@code sh -c}; environment
 * {@code SANDMLE_BATCH_DIR}, {@code SANDMLE_STEP}, {@code SANDMLE_ADAPTER_DIR}), {@code endpoint} (base URL;
 * omit to skip the swap), {@code adapter-name}, plus the GRPO step settings (steps, tasks-per-step, group-size, seed).
 */
public final class ExternalTrainer implements Trainer {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public TrainingResult train(TrainingSession session) throws Exception {
        ExternalSettings settings = ExternalSettings.from(session.settings());
        LanguageModel policy = session.policy().orElseThrow(() -> new IllegalArgumentException(
                "the external trainer needs a policy: add a 'policy:' section (an OpenAI-compatible endpoint)"));
        GrpoSettings s = settings.rollouts();
        Map<String, Double> metrics = Map.of();
        Path last = null;
        for (int step = 1; step <= s.steps(); step++) {
            List<Task> batch = GrpoTrainer.batchFor(session.trainingTasks(), s, step);
            List<RolloutGroup> groups = session.rollout(policy, batch, s.groupSize(), GrpoTrainer.stepSeed(s, step));
            Path dir = session.checkpointDir().resolve(String.format("step-%04d", step));
            RolloutExport.Written written = new RolloutExport().write(groups, dir, "sandmle");
            Path adapter = dir.resolve("adapter");
            runCommand(settings.command(), dir, step, adapter);
            if (settings.endpoint() != null) {
                swapAdapter(settings.endpoint(), settings.adapterName(), adapter);
            }
            metrics = new LinkedHashMap<>(RolloutStats.of(groups));
            metrics.put("exported_rows", (double) written.rows());
            session.logMetrics(step, metrics);
            last = adapter;
        }
        return new TrainingResult(last, s.steps(), metrics);
    }

    private static void runCommand(String command, Path dir, int step, Path adapter)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("command.log").toFile());
        pb.environment().put("SANDMLE_BATCH_DIR", dir.toAbsolutePath().toString());
        pb.environment().put("SANDMLE_STEP", String.valueOf(step));
        pb.environment().put("SANDMLE_ADAPTER_DIR", adapter.toAbsolutePath().toString());
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IOException("the training command exited with " + exit + " at step " + step + "; see "
                    + dir.resolve("command.log"));
        }
        if (!Files.isDirectory(adapter)) {
            throw new IOException("the training command did not write an adapter to $SANDMLE_ADAPTER_DIR (" + adapter
                    + ")");
        }
    }

    /** vLLM refuses to load a name twice, so the old adapter is unloaded first (a 4xx there means none was loaded). */
    private void swapAdapter(String endpoint, String name, Path adapter) throws IOException, InterruptedException {
        String base = endpoint.replaceAll("/+$", "").replaceAll("/v1$", "");
        post(base + "/v1/unload_lora_adapter", "{\"lora_name\":\"" + name + "\"}", false);
        post(base + "/v1/load_lora_adapter", "{\"lora_name\":\"" + name + "\",\"lora_path\":\""
                + adapter.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}", true);
    }

    private void post(String url, String body, boolean mustSucceed) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (mustSucceed && response.statusCode() / 100 != 2) {
            throw new IOException("the endpoint refused the new adapter (" + url + " answered " + response.statusCode()
                    + "); start vLLM with --enable-lora and VLLM_ALLOW_RUNTIME_LORA_UPDATING=True");
        }
    }
}
