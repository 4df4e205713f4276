package io.sandmle.environments.generator;

import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Scale;
import io.sandmle.api.Executor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProceduralGeneratorSmokeTest {

    @Test
    void smoke() throws Exception {
        BuiltInSeedCatalog catalog = new BuiltInSeedCatalog();
        Path out = Path.of(System.getProperty("smoke.out", "/tmp/gen/smoke"));
        Files.createDirectories(out);
        Executor ex = new SubprocessExecutor();
        GenerationContext ctx = new GenerationContext() {
            public Executor executor() { return ex; }
            public Optional<LanguageModel> model() { return Optional.empty(); }
        };
        for (String id : System.getProperty("smoke.seeds", "spaceship-titanic").split(",")) {
            long t0 = System.currentTimeMillis();
            var outs = new ProceduralGenerator().generate(new GenerationRequest(catalog.find(id).orElseThrow(), 2, 7, Scale.MICRO, out), ctx);
            for (GenerationOutcome o : outs) System.out.println("SMOKE " + id + " " + o + " " + (System.currentTimeMillis() - t0));
        }
    }
}
