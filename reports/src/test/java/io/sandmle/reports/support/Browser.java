package io.sandmle.reports.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's headless Chromium with a fresh profile and no background network traffic. */
public final class Browser {

    private Browser() {
    }

    private static String[] command(Path profile, String... extra) throws Exception {
        Path chromium = DebianTool.require("chromium", "chromium");
        String[] base = {chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** The DOM after scripts ran. */
    public static String dumpDom(Path html, Path work) throws Exception {
        return DebianTool.run(120, command(Files.createTempDirectory(work, "profile"), "--dump-dom",
                html.toUri().toString()));
    }

    /** A screenshot of the page at the given window size. */
    public static Path screenshot(Path html, Path png, int width, int height, Path work) throws Exception {
        DebianTool.run(120, command(Files.createTempDirectory(work, "profile"), "--window-size=" + width + "," + height,
                "--screenshot=" + png, html.toUri().toString()));
        return png;
    }
}
