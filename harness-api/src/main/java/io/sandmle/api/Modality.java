package io.sandmle.api;

/** The kind of input data a task gives the agent. */
public enum Modality {
    TABULAR, TEXT, IMAGE, AUDIO, TIME_SERIES, GRAPH, MULTIMODAL
}
