package dev.reelwatch.ui.tasks;

/**
 * What a filter can decide about a row without reading the row, kept in primitive arrays by the row's place
 * in {@link SortedTaskRows}: the status, the letters of the whole row's text, the numbers of its
 * prompt, model and account name in {@link TextGroups}, and the signature and letters of the rest of its text
 * (ids, note, tags). A scan over a million rows reads these arrays in order instead of a million objects
 * scattered over the heap, and asks each distinct prompt once.
 */
final class RowColumns {
    private final TextGroups prompts;
    private final TextGroups models;
    private final TextGroups accounts;
    private final byte[] status;
    private final long[] letters;
    private final int[] prompt;
    private final int[] model;
    private final int[] account;
    private final long[] restLow;
    private final long[] restHigh;
    private final long[] restLetters;

    RowColumns(int capacity) {
        this(capacity, new TextGroups(), new TextGroups(), new TextGroups());
    }

    private RowColumns(int capacity, TextGroups prompts, TextGroups models, TextGroups accounts) {
        this.prompts = prompts;
        this.models = models;
        this.accounts = accounts;
        status = new byte[capacity];
        letters = new long[capacity];
        prompt = new int[capacity];
        model = new int[capacity];
        account = new int[capacity];
        restLow = new long[capacity];
        restHigh = new long[capacity];
        restLetters = new long[capacity];
    }

    /** Empty columns of another capacity that number texts as these do (so entries can be copied across). */
    RowColumns sized(int capacity) {
        return new RowColumns(capacity, prompts, models, accounts);
    }

    int capacity() {
        return status.length;
    }

    void set(int i, TaskRow row) {
        status[i] = (byte) row.status().ordinal();
        prompt[i] = prompts.idOf(row.prompt());
        model[i] = models.idOf(row.model());
        account[i] = accounts.idOf(row.accountName());
        long[] signature = new long[2];
        String providerTaskId = row.providerTaskId();
        long marks = SearchWords.letters(providerTaskId, 0);
        SearchWords.sign(providerTaskId, signature);
        String id = Long.toString(row.id());
        marks = SearchWords.letters(id, marks);
        SearchWords.sign(id, signature);
        marks = SearchWords.letters(row.note(), marks);
        SearchWords.sign(row.note(), signature);
        for (String tag : row.tags()) {
            marks = SearchWords.letters(tag, marks);
            SearchWords.sign(tag, signature);
        }
        restLow[i] = signature[0];
        restHigh[i] = signature[1];
        restLetters[i] = marks;
        letters[i] = SearchWords.letters(row.prompt(),
                SearchWords.letters(row.model(), SearchWords.letters(row.accountName(), marks)));
    }

    /** Copies {@code length} entries from {@code from} at {@code src} to this at {@code dst} (either may be this). */
    void copy(RowColumns from, int src, int dst, int length) {
        System.arraycopy(from.status, src, status, dst, length);
        System.arraycopy(from.letters, src, letters, dst, length);
        System.arraycopy(from.prompt, src, prompt, dst, length);
        System.arraycopy(from.model, src, model, dst, length);
        System.arraycopy(from.account, src, account, dst, length);
        System.arraycopy(from.restLow, src, restLow, dst, length);
        System.arraycopy(from.restHigh, src, restHigh, dst, length);
        System.arraycopy(from.restLetters, src, restLetters, dst, length);
    }

    /** Fills every entry from the rows' first {@code size}. */
    void setAll(TaskRow[] rows, int size) {
        for (int i = 0; i < size; i++) {
            set(i, rows[i]);
        }
    }

    /** These columns in a new order: entry {@code i} moves to {@code permutation[i]}; text numbers stay. */
    RowColumns permuted(int[] permutation, int size) {
        RowColumns out = sized(capacity());
        for (int i = 0; i < size; i++) {
            int to = permutation[i];
            out.status[to] = status[i];
            out.letters[to] = letters[i];
            out.prompt[to] = prompt[i];
            out.model[to] = model[i];
            out.account[to] = account[i];
            out.restLow[to] = restLow[i];
            out.restHigh[to] = restHigh[i];
            out.restLetters[to] = restLetters[i];
        }
        return out;
    }

    /** A check of the test against these columns, for one scan (it remembers what it asked of each text). */
    Check check(ColumnTest test) {
        return new Check(test);
    }

    /** One scan's questions; safe to use from several threads (what it remembers it may work out twice). */
    final class Check {
        private static final byte UNKNOWN = 0;
        private static final byte HAS = 1;
        private static final byte LACKS = 2;

        private final ColumnTest test;
        private final SearchWords words;
        private final byte[][] inPrompt;
        private final byte[][] inModel;
        private final byte[][] inAccount;

        private Check(ColumnTest test) {
            this.test = test;
            this.words = test.words();
            int n = words.size();
            inPrompt = new byte[n][prompts.size()];
            inModel = new byte[n][models.size()];
            inAccount = new byte[n][accounts.size()];
        }

        /**
         * {@link ColumnTest#FAILS}, {@link ColumnTest#PASSES} (decided without the row) or
         * {@link ColumnTest#READ_ROW} for the row at place {@code i}.
         */
        int at(int i) {
            if ((test.statuses() >>> status[i] & 1) == 0) {
                return ColumnTest.FAILS;
            }
            long l = letters[i];
            boolean rowSure = (l & SearchWords.UNSURE_LETTERS) == 0;
            if (rowSure && (l & test.letters()) != test.letters()) {
                return ColumnTest.FAILS;
            }
            boolean sure = test.decisive();
            for (int w = 0; w < words.size(); w++) {
                // One letter or digit the row's marks hold is in the row: nothing to look up.
                if (rowSure && words.isOneLetter(w)) {
                    continue;
                }
                int verdict = word(i, w);
                if (verdict == ColumnTest.FAILS) {
                    return ColumnTest.FAILS;
                }
                sure &= verdict == ColumnTest.PASSES;
            }
            return sure ? ColumnTest.PASSES : ColumnTest.READ_ROW;
        }

        /** Whether word {@code w} is in the row at {@code i}: PASSES, FAILS, or READ_ROW when columns cannot tell. */
        private int word(int i, int w) {
            int p = prompt[i];
            int m = model[i];
            int a = account[i];
            if (p == TextGroups.NONE || m == TextGroups.NONE || a == TextGroups.NONE) {
                return ColumnTest.READ_ROW;
            }
            if (has(inPrompt[w], prompts, p, w) || has(inModel[w], models, m, w)
                    || has(inAccount[w], accounts, a, w)) {
                return ColumnTest.PASSES;
            }
            // Not in the grouped fields: the rest of the row's text may hold it, if its marks allow.
            long rest = restLetters[i];
            boolean restUnsure = (rest & SearchWords.UNSURE_LETTERS) != 0;
            long wanted = words.letters(w);
            if (!restUnsure && (rest & wanted) != wanted
                    || (restLow[i] & words.low(w)) != words.low(w) || (restHigh[i] & words.high(w)) != words.high(w)) {
                return ColumnTest.FAILS;
            }
            return restUnsure || !words.isOneLetter(w) ? ColumnTest.READ_ROW : ColumnTest.PASSES;
        }

        private boolean has(byte[] known, TextGroups groups, int id, int w) {
            byte k = known[id];
            if (k == UNKNOWN) {
                k = SearchWords.contains(groups.text(id), words.word(w)) ? HAS : LACKS;
                known[id] = k;
            }
            return k == HAS;
        }
    }
}
