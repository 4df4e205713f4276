package io.sandmle.environments.generator;

import java.io.IOException;

/** Encodes latent features as one modality's surface form (CSV columns, text, PNG, WAV, series, graphs). */
interface ModalityRenderer {

    /** Renders {@code job.dims()} of every row of both sides. */
    void render(RenderJob job) throws IOException;
}
