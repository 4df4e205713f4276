package io.sandmle.cli.doctor;

/**
 * The outcome of one check.
 *
 * @param status  whether the piece is there
 * @param subject what was checked ({@code python}, {@code bubblewrap} …)
 * @param detail  what was found, or what is wrong
 * @param fix     the command that fixes it, or {@code null} when nothing needs fixing
 */
public record Finding(Status status, String subject, String detail, String fix) {

    /** How a finding affects the machine's readiness. */
    public enum Status {
        /** Present and working. */
        OK,
        /** Missing or broken, but only some features need it. */
        WARN,
        /** Missing or broken and the harness cannot run without it. */
        MISSING
    }

    static Finding ok(String subject, String detail) {
        return new Finding(Status.OK, subject, detail, null);
    }

    static Finding problem(boolean required, String subject, String detail, String fix) {
        return new Finding(required ? Status.MISSING : Status.WARN, subject, detail, fix);
    }

    /** One line for the terminal: status, subject, detail and the fix. */
    public String line() {
        String text = String.format("%-8s%-14s%s", status, subject, detail);
        return fix == null ? text : text + "; fix: " + fix;
    }
}
