package io.sandmle.trainers.policy;

import java.util.List;

/**
 * Rows of (prompt features, head, chosen option) laid out for one network pass.
 *
 * @param features   rows × inputs, flattened
 * @param chosenMask rows × options, 1 at each row's chosen option
 * @param headMask   rows × options, 1 on the columns of each row's head
 * @param size       number of rows
 */
public record ChoiceBatch(float[] features, float[] chosenMask, float[] headMask, int size) {

    /** One sampled choice: the prompt's features and the token {@code head=value}. */
    public record Row(float[] features, Head head, int option) {
    }

    public static ChoiceBatch of(List<Row> rows) {
        int inputs = rows.isEmpty() ? FeatureEncoder.SIZE : rows.get(0).features().length;
        int k = Head.totalOptions();
        float[] features = new float[rows.size() * inputs];
        float[] chosen = new float[rows.size() * k];
        float[] heads = new float[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            System.arraycopy(row.features(), 0, features, r * inputs, inputs);
            int offset = row.head().offset();
            chosen[r * k + offset + row.option()] = 1;
            for (int o = 0; o < row.head().options().size(); o++) {
                heads[r * k + offset + o] = 1;
            }
        }
        return new ChoiceBatch(features, chosen, heads, rows.size());
    }
}
