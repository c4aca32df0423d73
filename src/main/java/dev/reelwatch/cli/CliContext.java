package dev.reelwatch.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What every command gets from the root command: the services (opened on first use, so {@code --help} never
 * touches the data directory) and the streams to talk through.
 */
public interface CliContext {

    /** Opens the data directory on first call; later calls return the same services. */
    CliServices services();

    PrintWriter out();

    PrintWriter err();

    InputStream in();

    /** What standard output is: a terminal (shortened ids, colours) or a pipe (full values, plain text). */
    default Terminal terminal() {
        return Terminal.pipe();
    }
}
