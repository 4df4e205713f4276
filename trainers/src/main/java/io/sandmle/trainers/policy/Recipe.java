package io.sandmle.trainers.policy;

import io.sandmle.support.NearestKey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A full solution recipe: one option per recipe head. Heads not chosen take their {@link Head#defaultOption()}. */
public record Recipe(Map<Head, String> choices) {

    public Recipe {
        EnumMap<Head, String> complete = new EnumMap<>(Head.class);
        for (Head h : Head.recipeHeads()) {
            complete.put(h, choices.getOrDefault(h, h.defaultOption()));
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

    /**
     * The most conservative recipe of a space: its first model with categorical columns dropped (a linear model;
     * with traps, the constant model that predicts the training prior or mean).
     */
    public static Recipe simplest(ActionSpace space) {
        return new Recipe(Map.of(Head.MODEL, space.options(Head.MODEL).get(0), Head.ENCODE, "drop"));
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

    /**
     * This recipe with every option outside {@code space} replaced by its head's default, so a recipe read from an
     * earlier turn (written under another setting, or by hand) cannot bring a trap back into the honest space.
     */
    public Recipe within(ActionSpace space) {
        EnumMap<Head, String> kept = new EnumMap<>(choices);
        kept.replaceAll((head, option) -> space.options(head).contains(option) ? option : head.defaultOption());
        return new Recipe(kept);
    }

    /**
     * Reads a recipe written as {@link #describe()} writes it ({@code model=forest capacity=high}); heads left out
     * take their default. {@code sandmle diversity --recipe} and the embedded policy's {@code recipe} setting read it.
     *
     * @param space the action space every option must be in
     * @param what  who reads it, to open the sentence ({@code --recipe}, {@code policy setting 'recipe'})
     * @throws IllegalArgumentException with one sentence naming the first part that is not {@code head=option} of the
     *                                  space and the nearest head or option
     */
    public static Recipe parse(String text, ActionSpace space, String what) {
        Map<Head, String> choices = new EnumMap<>(Head.class);
        List<String> heads = Head.recipeHeads().stream().map(Head::key).toList();
        for (String part : text.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String opening = what + " '" + text.trim() + "': '" + part + "' ";
            if (!heads.contains(key)) {
                throw new IllegalArgumentException(opening + "does not name a recipe head; "
                        + NearestKey.hint(key, heads, "heads"));
            }
            Head head = Head.byKey(key);
            String option = eq < 0 ? "" : part.substring(eq + 1);
            if (!space.options(head).contains(option)) {
                throw new IllegalArgumentException(opening + "is not an option of " + key + " in the "
                        + (space.traps() ? "action space with traps" : "honest action space") + "; "
                        + NearestKey.hint(option, space.options(head), "options"));
            }
            choices.put(head, option);
        }
        return new Recipe(choices);
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
