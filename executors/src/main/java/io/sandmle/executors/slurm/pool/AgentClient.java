package io.sandmle.executors.slurm.pool;

import io.sandmle.api.ExecResult;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.support.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The harness's side of one {@link PoolAgent}'s HTTP interface. */
final class AgentClient {

    /** The agent could not be reached at all, so whatever was asked never started there. */
    static final class Unreachable extends IOException {
        Unreachable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;

    AgentClient(String url, String token) {
        this.base = URI.create(url + "/");
        this.token = token;
    }

    /** Opens an episode there; returns the agent's id for it. */
    String open(SandboxSpec spec) throws IOException, SandboxException {
        String body = Json.write(PoolWire.Spec.of(spec));
        return Json.MAPPER.readValue(call(request("episodes").POST(HttpRequest.BodyPublishers.ofString(body)),
                Duration.ofMinutes(2)), PoolWire.Opened.class).episode();
    }

    /**
     * Starts step {@code code} of episode {@code id}; the future fails with {@link Unreachable} when it never
     * reached the agent, with another {@link IOException} when the agent went away while it ran.
     */
    CompletableFuture<ExecResult> run(String id, String code, Duration wallTime) {
        HttpRequest r = request("episodes/" + id + "/steps").timeout(wallTime.plusMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(code)).build();
        return HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            try {
                return Json.MAPPER.readValue(ok(response), ExecResult.class);
            } catch (IOException | SandboxException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Closes episode {@code id} (its processes and folders on the node). */
    void close(String id) throws IOException, SandboxException {
        call(request("episodes/" + id).DELETE(), Duration.ofSeconds(30));
    }

    /** How many episodes the agent holds; also tells it the harness is still there. */
    int episodes() throws IOException, SandboxException {
        return Json.MAPPER.readValue(call(request("health").GET(), Duration.ofSeconds(5)), PoolWire.Health.class)
                .episodes();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header(PoolWire.TOKEN_HEADER, token);
    }

    private String call(HttpRequest.Builder r, Duration timeout) throws IOException, SandboxException {
        try {
            return ok(HTTP.sendAsync(r.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString()).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The cause of a failed call as the exception its caller handles. */
    static IOException unwrap(Throwable cause) throws SandboxException {
        if (cause instanceof java.util.concurrent.CompletionException c && c.getCause() != null) {
            cause = c.getCause();
        }
        if (cause instanceof SandboxException s) {
            throw s;
        }
        if (cause instanceof ConnectException) {
            return new Unreachable(cause);
        }
        return cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
    }

    private static String ok(HttpResponse<String> response) throws SandboxException {
        if (response.statusCode() != 200) {
            String error;
            try {
                error = Json.MAPPER.readTree(response.body()).path("error").asText(response.body());
            } catch (IOException e) {
                error = response.body();
            }
            throw new SandboxException(error);
        }
        return response.body();
    }
}
