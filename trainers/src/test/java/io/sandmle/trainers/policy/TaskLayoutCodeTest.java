package io.sandmle.trainers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy's code on the layouts the procedural generator writes for other modalities (image
 * and WAV files named in a CSV column, graphs in nodes.csv / edges.csv, series in a long-format
 * series.csv) and on MLE-bench-shaped
 * tabular tasks: string ids, boolean labels with missing values (spaceship-titanic), a wide
 * class-probability submission (leaf-classification), two regression targets (nomad2018).
 */
class TaskLayoutCodeTest {

    /** The ReAct system prompt's gist (the request declares the ReAct format). */
    private static final String SYSTEM = "You are an expert Kaggle competitor. Produce one Python script that "
            + "trains a model and writes submission.csv. Tool formats:\n<tool_call>\npython\n<code>\n"
            + "# Your Python code here\n</code>\n</tool_call>";

    private static final String MAKE = """
            import os, sys, numpy as np, pandas as pd
            from PIL import Image
            from scipy.io import wavfile
            root, kind = sys.argv[1], sys.argv[2]
            os.makedirs(root, exist_ok=True)
            rng = np.random.default_rng(0)
            ids = np.arange(60)
            y = rng.integers(0, 2, 60)
            df = pd.DataFrame({"id": ids})
            if kind == "image":
                os.makedirs(f"{root}/images", exist_ok=True)
                for i in ids:
                    a = (rng.normal(110, 20, (16, 16, 3)) + 60 * y[i]).clip(0, 255).astype("uint8")
                    Image.fromarray(a).save(f"{root}/images/{i}.png")
                df["image_path"] = [f"images/{i}.png" for i in ids]
            elif kind == "audio":
                os.makedirs(f"{root}/audio", exist_ok=True)
                t = np.arange(800) / 8000
                for i in ids:
                    wave = np.sin(2 * np.pi * (440 if y[i] else 880) * t) * 8000 + rng.normal(0, 500, 800)
                    wavfile.write(f"{root}/audio/{i}.wav", 8000, wave.astype(np.int16))
                df["audio_path"] = [f"audio/{i}.wav" for i in ids]
            elif kind == "spaceship":
                df["HomePlanet"] = rng.choice(["Earth", "Mars", "Europa", None], 60)
                df["Age"] = np.where(rng.random(60) < 0.1, np.nan, rng.integers(1, 80, 60))
                df["id"] = [f"{i:04d}_01" for i in ids]
                df = df.rename(columns={"id": "PassengerId"})
            elif kind == "leaf":
                for j in range(4):
                    df[f"margin{j}"] = rng.normal(y, 1, 60)
            elif kind == "nomad":
                df["spacegroup"] = rng.choice([12, 33, 194], 60)
                df["lattice"] = rng.normal(10, 2, 60)
            elif kind == "bare":
                pass  # only ids and labels: the script must still write a (prior) submission
            elif kind == "series":
                rows = [(i, t, 10 + (3 if y[i] else -3) * np.sin(t / 4) + rng.normal(0, 0.5)) for i in ids for t in range(48)]
                pd.DataFrame(rows, columns=["id", "t", "value"]).to_csv(f"{root}/series.csv", index=False)
            else:
                nodes = pd.DataFrame([(i, n, rng.normal(y[i], 0.3)) for i in ids for n in range(5)], columns=["id", "node", "attr"])
                nodes.to_csv(f"{root}/nodes.csv", index=False)
                pd.DataFrame([(i, 0, n) for i in ids for n in range(1, 4)], columns=["id", "src", "dst"]).to_csv(f"{root}/edges.csv", index=False)
            train = df.iloc[:40].copy()
            if kind == "spaceship":
                train["Transported"] = y[:40].astype(bool)
                sample = pd.DataFrame({"PassengerId": df["PassengerId"].iloc[40:], "Transported": False})
            elif kind == "leaf":
                species = np.array(["Acer_Opalus", "Quercus_Rubra"])
                train["species"] = species[y[:40]]
                sample = pd.DataFrame({"id": ids[40:], "Acer_Opalus": 0.5, "Quercus_Rubra": 0.5})
            elif kind == "nomad":
                train["formation_energy_ev_natom"] = rng.random(40)
                train["bandgap_energy_ev"] = rng.random(40) * 3
                sample = pd.DataFrame({"id": ids[40:], "formation_energy_ev_natom": 0.1, "bandgap_energy_ev": 1.0})
            else:
                train["label"] = y[:40]
                sample = pd.DataFrame({"id": ids[40:], "label": 0})
            train.to_csv(f"{root}/train.csv", index=False)
            df.iloc[40:].to_csv(f"{root}/test.csv", index=False)
            sample.to_csv(f"{root}/sample_submission.csv", index=False)
            """;

    private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.of(
            "leaf", "Predict the species; submissions are scored by multi-class log loss.",
            "nomad", "Predict both energies; the metric is the column-wise RMSLE (root mean squared logarithmic error).");

    @Test
    void mediaGraphSeriesAndFeaturelessTasksGetASubmission(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("make.py");
        Files.writeString(script, MAKE);
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(5);
        for (String kind : List.of("image", "audio", "graph", "series", "bare", "spaceship", "leaf", "nomad")) {
            Path data = dir.resolve(kind).resolve("public");
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), data.toString(), kind)
                    .inheritIO().start();
            assertEquals(0, p.waitFor());
            List<ChatMessage> prompt = List.of(ChatMessage.system(SYSTEM), ChatMessage.user(
                    "## Competition ID: " + kind + "\n" + DESCRIPTIONS.getOrDefault(kind, "A binary task scored by accuracy.")
                            + "\n## Dataset Folder:\n"
                            + data + "/\n"));
            // A recipe that runs everywhere, so the test checks the data handling, not the sampled model.
            String code = null;
            for (long seed = 0; code == null; seed++) {
                ChatResponse r = policy.chat(new ChatRequest(prompt, new Sampling(1, 1, 100, seed), List.of(), true,
                        ResponseFormat.REACT));
                if (r.content().contains("model=forest impute=median")) {
                    code = r.content().substring(r.content().indexOf("<code>") + 6, r.content().indexOf("</code>"));
                }
            }
            Path work = dir.resolve(kind).resolve("work");
            runInFreshPython(code, work, kind);
            List<String> rows = Files.readAllLines(work.resolve("submission.csv"));
            assertEquals(Files.readAllLines(data.resolve("sample_submission.csv")).get(0), rows.get(0));
            assertEquals(21, rows.size());
            if (List.of("image", "audio", "graph", "series").contains(kind)) {
                long ones = rows.stream().skip(1).filter(r -> !r.endsWith(",0")).count();
                assertTrue(ones > 0, kind + ": the model must use the media features, not predict one class");
            }
            if (kind.equals("nomad")) {
                assertTrue(rows.stream().skip(1).map(r -> r.split(",")[1]).distinct().count() > 5,
                        "regression targets get continuous predictions");
            }
            if (kind.equals("spaceship")) {
                assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith(",True") || r.endsWith(",False")),
                        "boolean labels come back as the training set wrote them: " + rows.get(1));
            }
        }
    }

    @Test
    void rmsleRegressionNeverPredictsBelowZero(@TempDir Path dir) throws Exception {
        // Energies that are zero below a lattice size and grow above it: a line through them dips below zero.
        Path data = dir.resolve("public");
        Files.createDirectories(data);
        StringBuilder train = new StringBuilder("id,lattice,formation_energy_ev_natom\n");
        StringBuilder test = new StringBuilder("id,lattice\n");
        StringBuilder sample = new StringBuilder("id,formation_energy_ev_natom\n");
        for (int i = 0; i < 60; i++) {
            double lattice = 4 + 12.0 * ((i * 37) % 60) / 60;
            if (i < 40) {
                train.append(i).append(',').append(lattice).append(',').append(Math.max(0, lattice - 10) * 0.5).append('\n');
            } else {
                test.append(i).append(',').append(lattice).append('\n');
                sample.append(i).append(",0.1\n");
            }
        }
        Files.writeString(data.resolve("train.csv"), train);
        Files.writeString(data.resolve("test.csv"), test);
        Files.writeString(data.resolve("sample_submission.csv"), sample);
        PromptView view = new PromptReader().read(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(
                "## Competition ID: nomad\n" + DESCRIPTIONS.get("nomad") + "\n## Dataset Folder:\n" + data + "/\n")),
                ResponseFormat.REACT);
        Recipe line = Recipe.parse("model=linear capacity=low", ActionSpace.HONEST, "test");
        Path work = dir.resolve("work");
        runInFreshPython(new CodeRenderer().render(line, view, false), work, "rmsle");
        List<Double> predictions = Files.readAllLines(work.resolve("submission.csv")).stream().skip(1)
                .map(r -> Double.parseDouble(r.split(",")[1])).toList();
        assertEquals(20, predictions.size());
        assertTrue(predictions.stream().allMatch(v -> v >= 0), "RMSLE grades a negative prediction invalid: " + predictions);
        assertTrue(predictions.contains(0.0), "the line's low end is cut at zero, not shifted: " + predictions);
    }

    private static void runInFreshPython(String code, Path work, String kind) throws Exception {
        Files.createDirectories(work);
        Path script = work.resolve("main.py");
        Files.writeString(script, code);
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), kind + ": the script did not finish in 120 s");
        assertEquals(0, p.exitValue(), kind + ": " + Files.readString(work.resolve("log.txt")));
    }
}
