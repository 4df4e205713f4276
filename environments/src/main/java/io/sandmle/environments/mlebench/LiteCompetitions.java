package io.sandmle.environments.mlebench;

import static io.sandmle.api.Modality.AUDIO;
import static io.sandmle.api.Modality.IMAGE;
import static io.sandmle.api.Modality.TABULAR;
import static io.sandmle.api.Modality.TEXT;
import static io.sandmle.environments.grading.Rounding.NUMPY;
import static io.sandmle.environments.grading.Rounding.PYTHON;

import io.sandmle.api.Modality;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.Rounding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 22 competitions of MLE-bench's Lite split ({@code experiments/splits/low.txt}). */
public final class LiteCompetitions {

    private static final Map<String, LiteCompetition> ALL = new LinkedHashMap<>();

    static {
        auroc("aerial-cactus-identification", "id", "has_cactus", "test.csv", IMAGE, "Image Classification");
        add("aptos2019-blindness-detection", "qwk", false, "test.csv", IMAGE, "Image Classification", PYTHON,
                LiteGrades::aptos);
        add("denoising-dirty-documents", "rmse", true, "answers.csv", IMAGE, "Image To Image", PYTHON,
                LiteGrades::denoising);
        auroc("detecting-insults-in-social-commentary", "Comment", "Insult", "test.csv", TEXT, "Text Classification");
        add("dog-breed-identification", "log-loss", true, "test.csv", IMAGE, "Image Classification", PYTHON,
                LiteGrades::dogBreed);
        add("dogs-vs-cats-redux-kernels-edition", "log-loss", true, "answers.csv", IMAGE, "Image Classification",
                PYTHON, LiteGrades::dogsVsCats);
        auroc("histopathologic-cancer-detection", "id", "label", "answers.csv", IMAGE, "Image Regression");
        add("jigsaw-toxic-comment-classification-challenge", "roc-auc", false, "test.csv", TEXT,
                "Text Classification", PYTHON, LiteGrades::jigsaw);
        add("leaf-classification", "log-loss", true, "test.csv", IMAGE, "Image Classification", PYTHON,
                LiteGrades::leaf);
        auroc("mlsp-2013-birds", "Id", "Probability", "answers.csv", AUDIO, "Audio Classification");
        add("new-york-city-taxi-fare-prediction", "rmse", true, "test.csv", TABULAR, "Tabular", PYTHON,
                LiteGrades::nycTaxi);
        add("nomad2018-predict-transparent-conductors", "rmsle", true, "test.csv", TABULAR, "Tabular", PYTHON,
                LiteGrades::nomad);
        add("plant-pathology-2020-fgvc7", "roc-auc", false, "test.csv", IMAGE, "Image Classification", NUMPY,
                LiteGrades::plantPathology);
        auroc("random-acts-of-pizza", "request_id", "requester_received_pizza", "test.csv", TEXT,
                "Text Classification");
        add("ranzcr-clip-catheter-line-classification", "roc-auc", false, "test.csv", IMAGE, "Image Classification",
                NUMPY, LiteGrades::ranzcr);
        auroc("siim-isic-melanoma-classification", "image_name", "target", "test.csv", IMAGE, "Image Classification");
        add("spooky-author-identification", "log-loss", true, "test.csv", TEXT, "Text Classification", PYTHON,
                LiteGrades::spooky);
        add("tabular-playground-series-dec-2021", "accuracy", false, "test.csv", TABULAR, "Tabular", PYTHON,
                (s, a) -> LiteGrades.accuracy(s, a, "Id", "Cover_Type"));
        auroc("tabular-playground-series-may-2022", "id", "target", "test.csv", TABULAR, "Tabular");
        add("text-normalization-challenge-english-language", "accuracy", false, "answers.csv", TEXT, "Seq->Seq",
                PYTHON, LiteGrades::textNormalization);
        add("text-normalization-challenge-russian-language", "accuracy", false, "answers.csv", TEXT, "Seq->Seq",
                PYTHON, LiteGrades::textNormalization);
        auroc("the-icml-2013-whale-challenge-right-whale-redux", "clip", "probability", "test.csv", AUDIO,
                "Audio Classification");
    }

    private LiteCompetitions() {
    }

    private static void add(String id, String metric, boolean lower, String answers, Modality modality,
                            String category, Rounding rounding, CsvGrader.ScoreFunction score) {
        ALL.put(id, new LiteCompetition(id, metric, lower, answers, modality, category, rounding, score));
    }

    private static void auroc(String id, String idColumn, String target, String answers, Modality modality,
                              String category) {
        add(id, "roc-auc", false, answers, modality, category, PYTHON,
                (s, a) -> LiteGrades.auroc(s, a, idColumn, target));
    }

    /** All 22, in the split file's (alphabetical) order. */
    public static List<LiteCompetition> all() {
        return List.copyOf(ALL.values());
    }

    /** The competition called {@code id}, if it is in the Lite split. */
    public static Optional<LiteCompetition> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }
}
