package io.sandmle.trainers.policy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The embedded policy's network: a one-hidden-layer MLP (DJL, PyTorch engine, CPU) from prompt
 * features to one logit per option of its {@link ActionSpace}, trained with Adam. Calls are serialised, so one
 * network can serve several episodes at once.
 */
public final class PolicyNetwork implements AutoCloseable {

    private static final String ENGINE = "PyTorch";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private static final double MAX_GRAD_NORM = 1.0;

    static {
        // A tiny MLP gains nothing from intra-op threads, and spinning OpenMP pools are many times
        // slower on a busy machine; a user who wants threads can still set these properties.
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    }

    private final NDManager manager;
    private final ActionSpace space;
    private final int inputs;
    private final int hidden;
    /** w1, b1, w2, b2, then Adam's first and second moments of each. */
    private final NDList state;
    private int adamSteps;

    private PolicyNetwork(NDManager manager, ActionSpace space, int inputs, int hidden, NDList state, int adamSteps) {
        this.manager = manager;
        this.space = space;
        this.inputs = inputs;
        this.hidden = hidden;
        this.state = state;
        this.adamSteps = adamSteps;
        for (int i = 0; i < 4; i++) {
            state.get(i).setRequiresGradient(true);
        }
    }

    /**
     * A fresh network whose output layer is near zero, so the untrained policy samples every
     * option almost uniformly.
     */
    public static PolicyNetwork create(ActionSpace space, int inputs, int hidden, long seed) {
        Random random = new Random(seed);
        NDManager manager = NDManager.newBaseManager(Engine.getEngine(ENGINE).defaultDevice(), ENGINE);
        int outputs = space.size();
        NDList state = new NDList(
                manager.create(gaussian(random, inputs * hidden, Math.sqrt(1.0 / inputs)), new Shape(inputs, hidden)),
                manager.zeros(new Shape(hidden)),
                manager.create(gaussian(random, hidden * outputs, 0.01), new Shape(hidden, outputs)),
                manager.zeros(new Shape(outputs)));
        for (int i = 0; i < 4; i++) {
            state.add(manager.zeros(state.get(i).getShape()));
        }
        for (int i = 0; i < 4; i++) {
            state.add(manager.zeros(state.get(i).getShape()));
        }
        return new PolicyNetwork(manager, space, inputs, hidden, state, 0);
    }

    private static float[] gaussian(Random random, int n, double std) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    /** The options its logits stand for. */
    public ActionSpace space() {
        return space;
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    public synchronized int adamSteps() {
        return adamSteps;
    }

    /** The logits of every head for one feature vector (no gradient). */
    public synchronized float[] logits(float[] features) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(features, new Shape(1, inputs));
            NDArray out = x.matMul(state.get(0)).add(state.get(1)).tanh().matMul(state.get(2)).add(state.get(3));
            return out.toFloatArray();
        }
    }

    /**
     * One optimiser step. The loss sees, for every (prompt, chosen option) row, the chosen
     * option's log-probability and its head's full log-softmax.
     *
     * @return the loss value before the step
     */
    public synchronized double step(ChoiceBatch batch, Function<Outputs, NDArray> loss, double learningRate) {
        try (NDManager scope = manager.newSubManager()) {
            double lossValue;
            try (GradientCollector collector = Engine.getEngine(ENGINE).newGradientCollector()) {
                NDArray value = loss.apply(forward(scope, batch));
                collector.backward(value);
                lossValue = value.getFloat();
            }
            // Parameters change in place, which autograd only allows once the collector is closed.
            applyAdam(scope, learningRate);
            return lossValue;
        }
    }

    /** The chosen options' log-probabilities under the current parameters (no gradient). */
    public synchronized float[] logProbs(ChoiceBatch batch) {
        try (NDManager scope = manager.newSubManager()) {
            return forward(scope, batch).chosen().toFloatArray();
        }
    }

    /** Per-row log-softmax of the row's head, laid over all logits (other heads' columns are zero). */
    public synchronized float[][] headLogSoftmax(ChoiceBatch batch) {
        try (NDManager scope = manager.newSubManager()) {
            Outputs out = forward(scope, batch);
            float[] flat = out.logSoftmax().mul(out.headMask()).toFloatArray();
            int k = space.size();
            float[][] rows = new float[batch.size()][k];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(flat, r * k, rows[r], 0, k);
            }
            return rows;
        }
    }

    private Outputs forward(NDManager scope, ChoiceBatch batch) {
        NDArray x = scope.create(batch.features(), new Shape(batch.size(), inputs));
        NDArray logits = x.matMul(state.get(0)).add(state.get(1)).tanh().matMul(state.get(2)).add(state.get(3));
        NDList perHead = new NDList();
        for (Head h : Head.values()) {
            int from = space.offset(h);
            int to = from + space.options(h).size();
            perHead.add(logits.get(":, " + from + ":" + to).logSoftmax(1));
        }
        NDArray logSoftmax = ai.djl.ndarray.NDArrays.concat(perHead, 1);
        NDArray chosenMask = scope.create(batch.chosenMask(), new Shape(batch.size(), space.size()));
        NDArray headMask = scope.create(batch.headMask(), new Shape(batch.size(), space.size()));
        NDArray chosen = logSoftmax.mul(chosenMask).sum(new int[] {1});
        return new Outputs(chosen, logSoftmax, headMask, scope);
    }

    private void applyAdam(NDManager scope, double learningRate) {
        List<NDArray> grads = new ArrayList<>();
        double squared = 0;
        for (int i = 0; i < 4; i++) {
            NDArray g = state.get(i).getGradient().duplicate();
            g.attach(scope);
            grads.add(g);
            squared += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(squared);
        double clip = norm > MAX_GRAD_NORM ? MAX_GRAD_NORM / norm : 1.0;
        adamSteps++;
        double correction1 = 1 - Math.pow(BETA1, adamSteps);
        double correction2 = 1 - Math.pow(BETA2, adamSteps);
        for (int i = 0; i < 4; i++) {
            NDArray g = grads.get(i).mul(clip);
            NDArray m = state.get(4 + i);
            NDArray v = state.get(8 + i);
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.square().mul(1 - BETA2));
            NDArray update = m.div(correction1).div(v.div(correction2).sqrt().add(EPS)).mul(learningRate);
            state.get(i).subi(update);
            state.get(i).getGradient().subi(state.get(i).getGradient());
        }
    }

    /** A frozen copy (the KL reference, or the network SFT starts from). */
    public synchronized PolicyNetwork copy() {
        NDManager copyManager = NDManager.newBaseManager(manager.getDevice(), ENGINE);
        NDList copied = new NDList();
        for (NDArray a : state) {
            NDArray c = copyManager.create(a.toFloatArray(), a.getShape());
            copied.add(c);
        }
        return new PolicyNetwork(copyManager, space, inputs, hidden, copied, adamSteps);
    }

    /** Writes the parameters and optimiser state ({@code network.params}). */
    public synchronized void save(Path file) throws IOException {
        NDList plain = new NDList();
        for (NDArray a : state) {
            plain.add(manager.create(a.toFloatArray(), a.getShape()));
        }
        Files.write(file, plain.encode());
        plain.close();
    }

    /** Reads what {@link #save} wrote for a network over {@code space}. */
    public static PolicyNetwork load(Path file, int adamSteps, ActionSpace space) throws IOException {
        NDManager manager = NDManager.newBaseManager(Engine.getEngine(ENGINE).defaultDevice(), ENGINE);
        NDList state = NDList.decode(manager, Files.readAllBytes(file));
        if (state.size() != 12 || state.get(3).getShape().get(0) != space.size()) {
            manager.close();
            throw new IOException("not an embedded-policy checkpoint over " + space + ": " + file);
        }
        long[] w1 = state.get(0).getShape().getShape();
        return new PolicyNetwork(manager, space, (int) w1[0], (int) w1[1], state, adamSteps);
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    /**
     * What a loss is computed from.
     *
     * @param chosen     [rows] log-probability of each row's chosen option
     * @param logSoftmax [rows, options] per-head log-softmax over all logits
     * @param headMask   [rows, options] 1 on the columns of each row's head
     * @param scope      manager for constants the loss creates
     */
    public record Outputs(NDArray chosen, NDArray logSoftmax, NDArray headMask, NDManager scope) {

        /** [rows] entropy of each row's head distribution. */
        public NDArray entropy() {
            return logSoftmax.exp().mul(logSoftmax).mul(headMask).sum(new int[] {1}).neg();
        }
    }
}
