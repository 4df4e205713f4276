package io.sandmle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void terminalSequencesBecomeVisibleEscapes() {
        String osc = "\u001b]0;pwned\u0007";
        String csi = "\u001b[2J\u001b[31mred\u001b[0m";
        assertEquals("\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m", ControlCharacters.escape(osc + csi));
        assertEquals("one-char CSI \\x9b2J, DEL \\x7f, CR \\x0d", ControlCharacters.escape(
                "one-char CSI \u009b2J, DEL \u007f, CR \r"));
        assertEquals("a \\u202egnp.exe", ControlCharacters.escape("a \u202egnp.exe"));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "line 1\n\tline 2 — Größe ≥ 0.5 ✓";
        assertSame(text, ControlCharacters.escape(text));
        assertNull(ControlCharacters.escape(null));
    }
}
