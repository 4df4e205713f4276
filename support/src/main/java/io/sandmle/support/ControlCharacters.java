package io.sandmle.support;

/**
 * Makes text that agent code, a model or a task produced safe to show a person. A terminal executes control
 * sequences it prints (OSC sets the window title, CSI clears the screen or recolours text), and in a report
 * they are invisible or break the markup; so every control character except newline and tab (the C0 controls
 * with ESC and CR, DEL, the C1 controls with the one-character CSI) and the bidirectional overrides that can
 * reorder what a reader sees become visible escapes: {@code \x1b}, {@code \x9b}, {@code \u202e}. Used wherever
 * such text reaches a console or a report; only the episode's step logs keep the raw bytes.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text with every control character written as a visible escape; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
