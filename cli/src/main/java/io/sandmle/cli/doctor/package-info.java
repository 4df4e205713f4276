/**
 * {@code sandmle doctor}: checks of what the harness needs from the machine, each answering with
 * one line and, when something is missing, the command that fixes it.
 */
package io.sandmle.cli.doctor;
