package io.sandmle.trainers.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Recipe} as a complete Python script (pandas + scikit-learn) that reads the
 * task's public data, fits the chosen model and writes {@code submission.csv} with the sample
 * submission's columns. Only the chosen recipe's code paths are emitted.
 */
public final class CodeRenderer {

    private static final String TEMPLATE = loadTemplate();
    /** Metrics the rendered script always treats as classification, whatever the target column holds. */
    private static final List<String> CLASSIFICATION_METRICS =
            List.of("roc-auc", "log-loss", "accuracy", "qwk", "f1-macro", "map-at-k");
    /** The same metrics as the Python tuple the template tests the metric against. */
    private static final String CLASSIFICATION_METRICS_PYTHON = CLASSIFICATION_METRICS.stream()
            .map(CodeRenderer::pythonString).collect(Collectors.joining(", ", "(", ")"));

    /** Per model: the import line, then classifier and regressor constructors for low/mid/high capacity. */
    private static final Map<String, ModelCode> MODELS = Map.of(
            "constant", new ModelCode("from sklearn.dummy import DummyClassifier, DummyRegressor",
                    List.of("DummyClassifier(strategy=\"prior\")"), List.of("DummyRegressor()")),
            "linear", new ModelCode("from sklearn.linear_model import LogisticRegression, Ridge",
                    List.of("LogisticRegression(C=0.1, max_iter=1000)", "LogisticRegression(C=1.0, max_iter=1000)",
                            "LogisticRegression(C=10.0, max_iter=2000)"),
                    List.of("Ridge(alpha=10.0)", "Ridge(alpha=1.0)", "Ridge(alpha=0.1)")),
            "knn", new ModelCode("from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor",
                    List.of("KNeighborsClassifier(n_neighbors=25)", "KNeighborsClassifier(n_neighbors=10)",
                            "KNeighborsClassifier(n_neighbors=3)"),
                    List.of("KNeighborsRegressor(n_neighbors=25)", "KNeighborsRegressor(n_neighbors=10)",
                            "KNeighborsRegressor(n_neighbors=3)")),
            "tree", new ModelCode("from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor",
                    List.of("DecisionTreeClassifier(max_depth=3, random_state=0)",
                            "DecisionTreeClassifier(max_depth=6, random_state=0)",
                            "DecisionTreeClassifier(random_state=0)"),
                    List.of("DecisionTreeRegressor(max_depth=3, random_state=0)",
                            "DecisionTreeRegressor(max_depth=6, random_state=0)",
                            "DecisionTreeRegressor(random_state=0)")),
            "forest", new ModelCode("from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor",
                    List.of("RandomForestClassifier(n_estimators=50, max_depth=6, random_state=0)",
                            "RandomForestClassifier(n_estimators=200, random_state=0)",
                            "RandomForestClassifier(n_estimators=400, min_samples_leaf=1, random_state=0)"),
                    List.of("RandomForestRegressor(n_estimators=50, max_depth=6, random_state=0)",
                            "RandomForestRegressor(n_estimators=200, random_state=0)",
                            "RandomForestRegressor(n_estimators=400, random_state=0)")),
            "boosting", new ModelCode("from sklearn.ensemble import HistGradientBoostingClassifier, "
                    + "HistGradientBoostingRegressor",
                    List.of("HistGradientBoostingClassifier(max_iter=50, random_state=0)",
                            "HistGradientBoostingClassifier(max_iter=150, learning_rate=0.1, random_state=0)",
                            "HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)"),
                    List.of("HistGradientBoostingRegressor(max_iter=50, random_state=0)",
                            "HistGradientBoostingRegressor(max_iter=150, learning_rate=0.1, random_state=0)",
                            "HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, random_state=0)")),
            "extra_trees", new ModelCode("from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor",
                    List.of("ExtraTreesClassifier(n_estimators=50, max_depth=6, random_state=0)",
                            "ExtraTreesClassifier(n_estimators=200, random_state=0)",
                            "ExtraTreesClassifier(n_estimators=400, random_state=0)"),
                    List.of("ExtraTreesRegressor(n_estimators=50, max_depth=6, random_state=0)",
                            "ExtraTreesRegressor(n_estimators=200, random_state=0)",
                            "ExtraTreesRegressor(n_estimators=400, random_state=0)")),
            "svm", new ModelCode("from sklearn.svm import SVC, SVR",
                    List.of("SVC(C=0.3, probability=True, random_state=0)", "SVC(C=1.0, probability=True, random_state=0)",
                            "SVC(C=10.0, probability=True, random_state=0)"),
                    List.of("SVR(C=0.3)", "SVR(C=1.0)", "SVR(C=10.0)")),
            "naive_bayes", new ModelCode("from sklearn.naive_bayes import GaussianNB\n"
                    + "from sklearn.linear_model import BayesianRidge",
                    List.of("GaussianNB()"), List.of("BayesianRidge()")),
            "lightgbm", new ModelCode("import lightgbm as lgb",
                    List.of("lgb.LGBMClassifier(n_estimators=100, verbose=-1)",
                            "lgb.LGBMClassifier(n_estimators=300, verbose=-1)",
                            "lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, verbose=-1)"),
                    List.of("lgb.LGBMRegressor(n_estimators=100, verbose=-1)",
                            "lgb.LGBMRegressor(n_estimators=300, verbose=-1)",
                            "lgb.LGBMRegressor(n_estimators=600, learning_rate=0.03, verbose=-1)")));

    private record ModelCode(String imports, List<String> classifiers, List<String> regressors) {

        String pick(List<String> options, int capacity) {
            return options.get(Math.min(capacity, options.size() - 1));
        }
    }

    /**
     * @param recipe  what to build
     * @param view    the prompt read (data folder, metric)
     * @param aideWorkingDir also write {@code ./working/submission.csv}, where AIDE looks for it
     */
    public String render(Recipe recipe, PromptView view, boolean aideWorkingDir) {
        ModelCode model = MODELS.get(recipe.get(Head.MODEL));
        int capacity = Head.CAPACITY.library().indexOf(recipe.get(Head.CAPACITY));
        String modelBody = "    if regression:\n        return " + model.pick(model.regressors(), capacity)
                + "\n    return " + model.pick(model.classifiers(), capacity);
        return TEMPLATE
                .replace("{{RECIPE}}", recipe.describe())
                .replace("{{IMPORTS}}", model.imports())
                .replace("{{METRIC}}", view.metric() == null ? "None" : pythonString(view.metric()))
                .replace("{{CLASSIFICATION_METRICS}}", CLASSIFICATION_METRICS_PYTHON)
                .replace("{{DATA_DIR}}", view.dataDir() == null ? "None" : pythonString(view.dataDir()))
                .replace("{{ENCODE}}", encode(recipe.get(Head.ENCODE)))
                .replace("{{IMPUTE}}", impute(recipe.get(Head.IMPUTE)))
                .replace("{{SCALE}}", scale(recipe.get(Head.SCALE)))
                .replace("{{MODEL}}", modelBody)
                .replace("{{BLEND}}", recipe.get(Head.ENSEMBLE).equals("blend_linear")
                        ? " + [make_linear(regression)]" : "")
                .replace("{{TARGET}}", target(recipe.get(Head.TARGET)))
                .replace("{{TARGET_BACK}}", recipe.get(Head.TARGET).equals("log1p")
                        ? "        pred = np.expm1(pred) + shift" : "")
                .replace("{{EXTRA_OUTPUT}}", aideWorkingDir
                        ? "os.makedirs(\"working\", exist_ok=True)\nout.to_csv(\"working/submission.csv\", index=False)\n"
                        : "");
    }

    /**
     * Whether the {@link Head#TARGET} transform can change what the script does on this task: false when the metric
     * makes the script classify, so a log1p recipe runs exactly as its raw-target twin there.
     */
    public static boolean transformsTarget(PromptView view) {
        return !CLASSIFICATION_METRICS.contains(view.metric());
    }

    private static String encode(String option) {
        return switch (option) {
            case "onehot" -> """
                    if categorical:
                        both = pd.get_dummies(pd.concat([X[categorical], Xt[categorical]]).astype(str), dtype=float)
                        parts.append(both.iloc[:len(X)].reset_index(drop=True).set_axis(X.index))
                        parts_t.append(both.iloc[len(X):].reset_index(drop=True).set_axis(Xt.index))""";
            case "ordinal" -> """
                    for c in categorical:
                        codes, _ = pd.factorize(pd.concat([X[c], Xt[c]]).astype(str))
                        parts.append(pd.Series(codes[:len(X)], index=X.index, name=c, dtype=float))
                        parts_t.append(pd.Series(codes[len(X):], index=Xt.index, name=c, dtype=float))""";
            default -> "# categorical columns are dropped";
        };
    }

    private static String impute(String option) {
        return switch (option) {
            case "median" -> "medians = A.median()\nA, At = A.fillna(medians).fillna(0), At.fillna(medians).fillna(0)";
            case "zero" -> "A, At = A.fillna(0), At.fillna(0)";
            default -> "# missing values are left as they are";
        };
    }

    private static String scale(String option) {
        return option.equals("standard")
                ? "from sklearn.preprocessing import StandardScaler\nscaler = StandardScaler().fit(A)\n"
                        + "A, At = scaler.transform(A), scaler.transform(At)"
                : "# features are not scaled";
    }

    private static String target(String option) {
        return option.equals("log1p")
                ? "        shift = min(0.0, y.min())\n        y_fit = np.log1p(y - shift)"
                : "        y_fit = y";
    }

    private static String pythonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String loadTemplate() {
        try (InputStream in = CodeRenderer.class.getResourceAsStream("solution.py.tmpl")) {
            if (in == null) {
                throw new IllegalStateException("solution.py.tmpl is missing from the trainers jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
