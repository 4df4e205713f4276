package io.sandmle.api;

/** Size of generated tasks: micro (50–200 training rows) or a full-size twin (20k–100k rows). */
public enum Scale {
    MICRO, FULL
}
