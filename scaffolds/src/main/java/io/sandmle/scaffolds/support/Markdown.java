package io.sandmle.scaffolds.support;

/**
 * Builds a prompt the way AIDE renders its prompt dict: each section a markdown heading, its body below.
 * Empty sections are left out.
 */
public final class Markdown {

    private final StringBuilder text = new StringBuilder();

    /** Adds {@code body} under a heading of the given level (1 = {@code #}). */
    public Markdown section(int level, String title, String body) {
        if (body == null || body.isBlank()) {
            return this;
        }
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n").append(body.strip()).append("\n\n");
        return this;
    }

    /** A heading with no body of its own (its sub-sections follow). */
    public Markdown heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    /** Lines as a bullet list. */
    public static String bullets(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append("- ").append(l).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text.toString().strip();
    }
}
