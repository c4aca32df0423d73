package dev.reelwatch.cli;

/** The terminal width the human tables are laid out for: they must read well in a 100-column terminal. */
final class TableWidth {
    static final int COLUMNS = 99;

    private TableWidth() {
    }
}
