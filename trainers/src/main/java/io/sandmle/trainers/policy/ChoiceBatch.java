package io.sandmle.trainers.policy;

import java.util.List;

/**
 * Rows of (prompt features, head, chosen option) laid out for one network pass over an {@link ActionSpace}.
 *
 * @param features   rows × inputs, flattened
 * @param chosenMask rows × options, 1 at each row's chosen option
 * @param headMask   rows × options, 1 on the columns of each row's head
 * @param size       number of rows
 */
public record ChoiceBatch(float[] features, float[] chosenMask, float[] headMask, int size) {

    /** One sampled choice: the prompt's features, the head and the chosen option's index in the action space. */
    public record Row(float[] features, Head head, int option) {
    }

    /** The rows laid out over the logits of {@code space}, the action space of the network they are fed to. */
    public static ChoiceBatch of(ActionSpace space, List<Row> rows) {
        int inputs = rows.isEmpty() ? FeatureEncoder.SIZE : rows.get(0).features().length;
        int k = space.size();
        float[] features = new float[rows.size() * inputs];
        float[] chosen = new float[rows.size() * k];
        float[] heads = new float[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            System.arraycopy(row.features(), 0, features, r * inputs, inputs);
            int offset = space.offset(row.head());
            chosen[r * k + offset + row.option()] = 1;
            for (int o = 0; o < space.options(row.head()).size(); o++) {
                heads[r * k + offset + o] = 1;
            }
        }
        return new ChoiceBatch(features, chosen, heads, rows.size());
    }
}
