package io.sandmle.trainers.sft;

import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.PolicyNetwork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Behaviour cloning to convergence: full-batch Adam steps on the mean negative log-likelihood per choice of the
 * training rows, with early stopping on held-out rows. After every epoch it measures both sides' nats per choice;
 * it stops once the validation figure has not improved (by more than {@value #MIN_IMPROVEMENT} nats) for
 * {@code patience} epochs, or after {@code maxEpochs}, and hands back the network of the best validation epoch
 * (epoch 0 is the starting network, so a fit that only hurts returns it unchanged). Without validation rows it
 * takes all {@code maxEpochs} steps and returns the last network.
 */
public final class ConvergentFit {

    /** Smaller gains are float noise on a plateau; counting them would keep a converged fit running to the maximum. */
    static final double MIN_IMPROVEMENT = 1e-4;

    private final int maxEpochs;
    private final int patience;
    private final double learningRate;

    /**
     * @param maxEpochs    the most Adam steps it takes
     * @param patience     epochs without a validation improvement before it stops
     * @param learningRate Adam learning rate
     */
    public ConvergentFit(int maxEpochs, int patience, double learningRate) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.learningRate = learningRate;
    }

    /**
     * What a fit ended with.
     *
     * @param network        the network of the best validation epoch (the last one without validation rows); the
     *                       caller owns and closes it
     * @param trainNll       training nats per choice of that network
     * @param validationNll  validation nats per choice of that network, NaN without validation rows
     * @param bestEpoch      the epoch it came from (0: the starting network)
     * @param stoppedEpoch   the last epoch trained
     * @param startTrainNll  training nats per choice of the starting network
     * @param startValidationNll validation nats per choice of the starting network, NaN without validation rows
     */
    public record Result(PolicyNetwork network, double trainNll, double validationNll, int bestEpoch,
                         int stoppedEpoch, double startTrainNll, double startValidationNll) {

        /** The fit's figures under the names the trainers log. */
        public Map<String, Double> metrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("nll", trainNll);
            if (!Double.isNaN(validationNll)) {
                m.put("validation_nll", validationNll);
            }
            m.put("best_epoch", (double) bestEpoch);
            m.put("stopped_epoch", (double) stoppedEpoch);
            m.put("start_nll", startTrainNll);
            if (!Double.isNaN(startValidationNll)) {
                m.put("start_validation_nll", startValidationNll);
            }
            return m;
        }
    }

    /**
     * Trains {@code network} in place on {@code train} and returns a copy of its best network.
     *
     * @param validation the held-out rows; empty for a fixed {@code maxEpochs} fit
     * @param perEpoch   receives each epoch's number (from 1) and its {@code train_nll} and {@code validation_nll}
     */
    public Result fit(PolicyNetwork network, ChoiceBatch train, ChoiceBatch validation,
                      BiConsumer<Integer, Map<String, Double>> perEpoch) {
        boolean validated = validation.size() > 0;
        PolicyNetwork best = validated ? network.copy() : null;
        double startValidation = validated ? nll(network, validation) : Double.NaN;
        double startTrain = nll(network, train);
        double bestValidation = startValidation;
        double bestTrain = startTrain;
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < maxEpochs && (!validated || epoch - bestEpoch < patience)) {
            epoch++;
            network.step(train, o -> o.chosen().mean().neg(), learningRate);
            Map<String, Double> figures = new LinkedHashMap<>();
            double trainNll = nll(network, train);
            figures.put("train_nll", trainNll);
            if (!validated) {
                bestTrain = trainNll;
                bestEpoch = epoch;
            } else {
                double validationNll = nll(network, validation);
                figures.put("validation_nll", validationNll);
                if (validationNll < bestValidation - MIN_IMPROVEMENT) {
                    best.close();
                    best = network.copy();
                    bestValidation = validationNll;
                    bestTrain = trainNll;
                    bestEpoch = epoch;
                }
            }
            perEpoch.accept(epoch, figures);
        }
        return new Result(validated ? best : network.copy(), bestTrain, bestValidation, bestEpoch, epoch, startTrain,
                startValidation);
    }

    /** Mean negative log-probability of the rows' chosen options: nats per choice. */
    static double nll(PolicyNetwork network, ChoiceBatch rows) {
        if (rows.size() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (float logProb : network.logProbs(rows)) {
            sum -= logProb;
        }
        return sum / rows.size();
    }
}
