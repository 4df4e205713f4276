package io.sandmle.trainers.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.FeatureEncoder;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.PolicyNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Early stopping on held-out rows: it stops once they get worse and hands back the best epoch's network. */
class ConvergentFitTest {

    private static final int PROMPTS = 24;
    private static final double MIN_RISE = 0.01;

    /**
     * Training rows: 24 prompts choosing model option 0, except every third, which chooses another option. The
     * held-out rows ask option 0 at the same prompts, so the shared preference for option 0 helps them at first,
     * and memorising the exceptions then hurts them without limit: over-fitting is forced.
     */
    private static List<List<ChoiceBatch.Row>> rows() {
        Random random = new Random(7);
        List<ChoiceBatch.Row> train = new ArrayList<>();
        List<ChoiceBatch.Row> validation = new ArrayList<>();
        for (int i = 0; i < PROMPTS; i++) {
            float[] features = new float[FeatureEncoder.SIZE];
            for (int f = 0; f < features.length; f++) {
                features[f] = (float) random.nextGaussian();
            }
            train.add(new ChoiceBatch.Row(features, Head.MODEL, i % 3 == 0 ? 1 + i % 4 : 0));
            validation.add(new ChoiceBatch.Row(features, Head.MODEL, 0));
        }
        return List.of(train, validation);
    }

    private static ChoiceBatch batch(List<ChoiceBatch.Row> rows) {
        return ChoiceBatch.of(ActionSpace.HONEST, rows);
    }

    @Test
    void stopsPatienceEpochsAfterTheBestAndReturnsThatEpochsNetwork() {
        ChoiceBatch train = batch(rows().get(0));
        ChoiceBatch validation = batch(rows().get(1));
        PolicyNetwork network = PolicyNetwork.create(ActionSpace.HONEST, FeatureEncoder.SIZE, 32, 3);
        double untrained = ConvergentFit.nll(network, validation);
        List<Map<String, Double>> curve = new ArrayList<>();

        ConvergentFit.Result fit = new ConvergentFit(3000, 20, 0.05).fit(network, train, validation,
                (epoch, figures) -> curve.add(figures));

        assertTrue(fit.stoppedEpoch() < 3000, "stopped at " + fit.stoppedEpoch());
        assertEquals(fit.bestEpoch() + 20, fit.stoppedEpoch());
        assertEquals(fit.stoppedEpoch(), curve.size());
        assertEquals(untrained, fit.startValidationNll(), 1e-9);
        assertTrue(fit.bestEpoch() > 0 && fit.validationNll() < untrained - 0.3,
                "it learnt something first: best epoch " + fit.bestEpoch() + ", " + untrained + " -> " + fit.validationNll());
        double last = curve.get(curve.size() - 1).get("validation_nll");
        assertTrue(last > fit.validationNll() + MIN_RISE, "held-out rows got worse: " + fit.validationNll() + " -> " + last);
        assertTrue(curve.get(curve.size() - 1).get("train_nll") < fit.trainNll(), "training kept improving");
        assertEquals(fit.validationNll(), ConvergentFit.nll(fit.network(), validation), 1e-6,
                "the returned network is the best epoch's");
        assertEquals(last, ConvergentFit.nll(network, validation), 1e-6, "the network trained in place went on");
        assertEquals(curve.get(fit.bestEpoch() - 1).get("validation_nll"), fit.validationNll(), 1e-9);
        fit.network().close();
        network.close();
    }

    @Test
    void withoutHeldOutRowsItTakesEveryEpochAndReturnsTheLast() {
        ChoiceBatch train = batch(rows().get(0));
        PolicyNetwork network = PolicyNetwork.create(ActionSpace.HONEST, FeatureEncoder.SIZE, 32, 3);
        List<Map<String, Double>> curve = new ArrayList<>();

        ConvergentFit.Result fit = new ConvergentFit(60, 1, 0.05).fit(network, train, batch(List.of()),
                (epoch, figures) -> curve.add(figures));

        assertEquals(60, fit.stoppedEpoch());
        assertEquals(60, fit.bestEpoch());
        assertEquals(60, curve.size());
        assertTrue(Double.isNaN(fit.validationNll()));
        assertEquals(ConvergentFit.nll(network, train), fit.trainNll(), 1e-6);
        assertEquals(fit.trainNll(), ConvergentFit.nll(fit.network(), train), 1e-6);
        assertTrue(curve.get(59).get("train_nll") < curve.get(0).get("train_nll"));
        fit.network().close();
        network.close();
    }
}
