package io.sandmle.scaffolds.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing helpers for model replies shared by the scaffolds. */
public final class Replies {

    private static final Pattern FENCE = Pattern.compile("```([A-Za-z0-9_+-]*)[ \\t]*\\n(.*?)```", Pattern.DOTALL);

    private Replies() {
    }

    /**
     * The reply without its reasoning: everything up to the last {@code </think>} is dropped (this also
     * covers servers that strip the opening tag). A reply without {@code </think>} is returned as is.
     */
    public static String withoutThinking(String reply) {
        int end = reply.lastIndexOf("</think>");
        return end < 0 ? reply : reply.substring(end + "</think>".length());
    }

    /** The bodies of every fenced block whose language tag is empty or one of {@code languages}. */
    public static List<String> fencedBlocks(String text, String... languages) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            String lang = m.group(1).toLowerCase();
            if (lang.isEmpty() || List.of(languages).contains(lang)) {
                blocks.add(m.group(2).strip());
            }
        }
        return blocks;
    }

    /** True when the text holds at least one opening fence. */
    public static boolean hasFence(String text) {
        return text.contains("```");
    }

    /** The text before the first fence, stripped; empty when there is no fence. */
    public static String textBeforeFirstFence(String text) {
        int i = text.indexOf("```");
        return i < 0 ? "" : text.substring(0, i).strip();
    }

    /** The outermost {@code {…}} of the text (first '{' to last '}'), or {@code null}. */
    public static String outermostBraces(String text) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        return open >= 0 && close > open ? text.substring(open, close + 1) : null;
    }

    /** Rough token count used for context budgets: characters / 4, as SandMLE estimates without tiktoken. */
    public static long estimateTokens(CharSequence text) {
        return text.length() / 4;
    }
}
