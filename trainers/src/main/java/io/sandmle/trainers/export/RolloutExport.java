package io.sandmle.trainers.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.support.Json;
import io.sandmle.trainers.grpo.GroupAdvantages;
import io.sandmle.trainers.grpo.TimeoutMask;
import io.sandmle.trainers.reward.MilestoneReward;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes rollout groups for LLM trainers:
 * <ul>
 *   <li>{@code train.parquet}: one row per model call, in the shape verl / rLLM read
 *       ({@code data_source}, {@code prompt} as a list of {@code {role, content}}, {@code ability},
 *       {@code reward_model}, {@code extra_info}) plus the rollout's {@code completion},
 *       {@code tokens}, {@code token_logprobs}, {@code reward}, {@code advantage} (group-normalised,
 *       shared by every call of the trajectory) and {@code masked} (timed out: leave out of the loss);</li>
 *   <li>{@code sft.jsonl}: one {@code {"messages": [...]}} chat per successful (medal) trajectory.</li>
 * </ul>
 * Parquet is written by DuckDB from a JSON Lines staging file kept beside it.
 */
public final class RolloutExport {


    /** What was written. */
    public record Written(Path parquet, Path sftJsonl, int rows, int sftChats) {
    }

    public Written write(List<RolloutGroup> groups, Path dir, String dataSource) throws IOException {
        Files.createDirectories(dir);
        Path staging = dir.resolve("train.jsonl");
        Path sft = dir.resolve("sft.jsonl");
        int rows = 0;
        int chats = 0;
        try (BufferedWriter rl = Files.newBufferedWriter(staging); BufferedWriter chat = Files.newBufferedWriter(sft)) {
            for (RolloutGroup g : groups) {
                double[] advantages = GroupAdvantages.of(g);
                for (int i = 0; i < g.rollouts().size(); i++) {
                    Trajectory t = g.rollouts().get(i);
                    double reward = g.rewards().get(i).total();
                    for (Turn turn : t.turns()) {
                        if (turn.response() == null || turn.response().failed()) {
                            continue;
                        }
                        rl.write(Json.MAPPER.writeValueAsString(row(t, turn, reward, advantages[i], dataSource)));
                        rl.newLine();
                        rows++;
                    }
                    if (t.finalGrade() != null && MilestoneReward.medalOf(t.finalGrade()).any() && !t.turns().isEmpty()) {
                        chat.write(Json.MAPPER.writeValueAsString(chat(t)));
                        chat.newLine();
                        chats++;
                    }
                }
            }
        }
        Path parquet = dir.resolve("train.parquet");
        toParquet(staging, parquet);
        return new Written(parquet, sft, rows, chats);
    }

    private static ObjectNode row(Trajectory t, Turn turn, double reward, double advantage, String dataSource) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("data_source", dataSource);
        row.set("prompt", messages(turn.prompt()));
        row.put("ability", "mle");
        ObjectNode rewardModel = row.putObject("reward_model");
        rewardModel.put("style", "rule");
        rewardModel.put("ground_truth", t.taskId());
        ObjectNode extra = row.putObject("extra_info");
        extra.put("competition_id", t.taskId());
        extra.put("episode_id", t.episodeId());
        extra.put("turn", turn.index());
        extra.put("end_reason", t.endReason());
        row.put("completion", turn.response().content());
        ArrayNode tokens = row.putArray("tokens");
        ArrayNode logprobs = row.putArray("token_logprobs");
        for (TokenLogprob lp : turn.response().logprobs()) {
            tokens.add(lp.token());
            logprobs.add(lp.logprob());
        }
        row.put("reward", reward);
        row.put("advantage", advantage);
        row.put("masked", TimeoutMask.masked(t));
        return row;
    }

    private static ObjectNode chat(Trajectory t) {
        Turn last = t.turns().get(t.turns().size() - 1);
        ObjectNode chat = Json.MAPPER.createObjectNode();
        ArrayNode messages = messages(last.prompt());
        ObjectNode answer = messages.addObject();
        answer.put("role", "assistant");
        answer.put("content", last.response() == null ? "" : last.response().content());
        chat.set("messages", messages);
        return chat;
    }

    private static ArrayNode messages(List<ChatMessage> prompt) {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (ChatMessage m : prompt) {
            ObjectNode node = messages.addObject();
            node.put("role", m.role());
            node.put("content", m.content());
        }
        return messages;
    }

    private static void toParquet(Path jsonl, Path parquet) throws IOException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_json('" + sql(jsonl) + "', format = 'newline_delimited', "
                    + "columns = {data_source: 'VARCHAR', prompt: 'STRUCT(role VARCHAR, content VARCHAR)[]', "
                    + "ability: 'VARCHAR', reward_model: 'STRUCT(style VARCHAR, ground_truth VARCHAR)', "
                    + "extra_info: 'STRUCT(competition_id VARCHAR, episode_id VARCHAR, turn INTEGER, end_reason VARCHAR)', "
                    + "completion: 'VARCHAR', tokens: 'VARCHAR[]', token_logprobs: 'DOUBLE[]', reward: 'DOUBLE', "
                    + "advantage: 'DOUBLE', masked: 'BOOLEAN'})) TO '" + sql(parquet) + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IOException("could not write " + parquet + ": " + e.getMessage(), e);
        }
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
