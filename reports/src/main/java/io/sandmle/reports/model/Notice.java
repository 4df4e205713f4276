package io.sandmle.reports.model;

/** A plain statement of something that could not be computed, and why. */
public record Notice(String text) implements Block {
}
