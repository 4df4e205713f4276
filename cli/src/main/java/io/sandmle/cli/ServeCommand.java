package io.sandmle.cli;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;
import io.sandmle.openai.OpenAiCompatibleServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sandmle serve}: any policy behind an OpenAI-compatible endpoint on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a policy (the embedded one by default) as an OpenAI-compatible endpoint: "
                + "POST /v1/chat/completions and GET /v1/models on 127.0.0.1.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    PluginPathOption pluginPath;

    @Option(names = "--policy", defaultValue = "embedded", paramLabel = "<name>",
            description = "The PolicyProvider to serve (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = {"-s", "--set"}, paramLabel = "<key=value>",
            description = "A policy setting, repeatable (e.g. --set checkpoint=runs/x/ckpt or --set model=...).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--threads", defaultValue = "4", description = "Requests handled at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--request-log", paramLabel = "<jsonl>",
            description = "Append one JSON line per chat request: its X-Session-Id header and body 'user' field.")
    Path requestLog;

    @Override
    public Integer call() throws Exception {
        PolicyProvider provider = pluginPath.load().create(ExtensionKind.POLICY, policy);
        LanguageModel model = provider.create(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        try (OpenAiCompatibleServer server = OpenAiCompatibleServer.start(model, port, threads, requestLog)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Serving " + model.id() + " at " + server.baseUrl() + " (Ctrl-C stops)");
            System.out.flush();
            stopped.await();
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("Port " + port + " is in use; pick another with --port.");
        }
        return SandmleCommand.OK;
    }
}
