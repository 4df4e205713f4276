package io.sandmle.trainers.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** A full solution recipe: one option per recipe head. Heads not chosen take their first option. */
public record Recipe(Map<Head, String> choices) {

    public Recipe {
        EnumMap<Head, String> complete = new EnumMap<>(Head.class);
        for (Head h : Head.recipeHeads()) {
            complete.put(h, choices.getOrDefault(h, h.options().get(0)));
        }
        choices = Map.copyOf(complete);
    }

    public String get(Head head) {
        return choices.get(head);
    }

    /** A copy with one choice replaced. */
    public Recipe with(Head head, String option) {
        EnumMap<Head, String> copy = new EnumMap<>(choices);
        copy.put(head, option);
        return new Recipe(copy);
    }

    /** The most conservative recipe: predict the training prior or mean. */
    public static Recipe simplest() {
        return new Recipe(Map.of(Head.MODEL, "constant", Head.ENCODE, "drop"));
    }

    /**
     * The fix for a failure of this recipe: swap the missing library for sklearn's boosting,
     * impute missing values, encode categories as integers, shrink what timed out.
     */
    public Recipe repair(ErrorKind error) {
        return switch (error) {
            case MISSING_IMPORT -> with(Head.MODEL, "boosting");
            case MISSING_VALUES -> with(Head.IMPUTE, "median");
            case BAD_ENCODING -> with(Head.ENCODE, "ordinal");
            case TIMEOUT -> with(Head.CAPACITY, "low").with(Head.MODEL,
                    get(Head.MODEL).equals("svm") || get(Head.MODEL).equals("knn") ? "linear" : get(Head.MODEL));
            case NONE, OTHER -> with(Head.IMPUTE, "median").with(Head.ENCODE, "ordinal")
                    .with(Head.MODEL, get(Head.MODEL).equals("lightgbm") ? "boosting" : get(Head.MODEL));
        };
    }

    /** {@code model=forest impute=median …}, the text of the recipe comment. */
    public String describe() {
        StringJoiner text = new StringJoiner(" ");
        for (Head h : Head.recipeHeads()) {
            text.add(h.key() + "=" + choices.get(h));
        }
        return text.toString();
    }
}
