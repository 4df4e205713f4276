package io.sandmle.api;

/** Tokens and money spent on one completion. */
public record Usage(long promptTokens, long completionTokens, double costUsd) {

    public static final Usage NONE = new Usage(0, 0, 0);
}
