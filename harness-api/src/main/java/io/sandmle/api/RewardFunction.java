package io.sandmle.api;

/** Turns a finished episode into a scalar reward for training ({@code dense}, {@code sparse} …). */
public interface RewardFunction {

    Reward reward(Trajectory trajectory);
}
