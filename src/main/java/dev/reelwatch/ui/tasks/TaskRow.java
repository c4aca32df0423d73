package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskSummary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of the task table, packed to stay small at a million rows (144 bytes, the prompt and other shared
 * strings aside): times as epoch milliseconds, numbers as primitives, enums and flags as bytes, repeated strings
 * shared by the store's reader, UUID ids as two longs, the error, note and tags most rows lack behind one
 * reference, and no search copy of the prompt (the search reads the fields themselves, case-insensitively, after
 * a 128-bit bigram signature rules most rows out). Accessors build the {@code Instant}s, {@code Duration}s,
 * {@code Cost}, a packed id's string and the prompt's first line on demand.
 */
public final class TaskRow {
    private static final long NONE = Long.MIN_VALUE;
    private static final int LINE_END = -1;
    private static final byte ON_PROVIDER = 1;
    private static final byte ARCHIVED = 2;
    private static final byte STARRED = 4;
    private static final byte HAS_VIDEO = 8;
    private static final byte HAS_IMAGE = 16;
    private static final byte PACKED_ID = 32;
    private static final byte NO_COST = Byte.MIN_VALUE;
    private static final CostUnit[] UNITS = CostUnit.values();
    private static final TaskStatus[] STATUSES = TaskStatus.values();
    private static final ProviderKind[] PROVIDERS = ProviderKind.values();

    private final long id;
    private final long createdAt;
    private final long completedAt;
    /** When Reelwatch first saw the task (its own clock): the order where the provider gives no time. */
    private final long firstSeenAt;
    private final long durationMs;
    private final long costUnscaled;
    /** Bigram signature of the searchable text (two longs), see {@link SearchWords}. */
    private final long signatureLow;
    private final long signatureHigh;
    /** The provider id when it is a lower-case UUID ({@link PackedUuid}); {@link #providerTaskId} is null then. */
    private final long idHigh;
    private final long idLow;
    private final String accountName;
    private final String providerTaskId;
    private final String providerStatus;
    private final String prompt;
    private final String model;
    private final String resolution;
    private final String aspectRatio;
    private final String costCurrency;
    /** The error, note and tags; null for the many rows with none of them (one reference instead of three). */
    private final Extras extras;
    /** Account ids are the accounts table's row numbers: a handful, never past an int. */
    private final int accountId;
    private final int etaSeconds;
    private final short progress;
    private final byte costScale;
    private final byte costUnit;
    private final byte flags;
    /** Ordinals of {@link TaskStatus} and {@link ProviderKind}: a byte each instead of a reference. */
    private final byte status;
    private final byte provider;

    private TaskRow(TaskSummary t) {
        id = t.id();
        accountId = Math.toIntExact(t.accountId());
        createdAt = t.createdAt() == null ? NONE : t.createdAt().toEpochMilli();
        completedAt = t.completedAt() == null ? NONE : t.completedAt().toEpochMilli();
        firstSeenAt = t.firstSeenAt() == null ? NONE : t.firstSeenAt().toEpochMilli();
        durationMs = t.duration() == null ? NONE : t.duration().toMillis();
        Cost cost = t.cost();
        BigDecimal amount = cost == null ? null : packable(cost.amount());
        costUnscaled = amount == null ? 0 : amount.unscaledValue().longValue();
        costScale = amount == null ? NO_COST : (byte) amount.scale();
        costUnit = cost == null ? 0 : (byte) cost.unit().ordinal();
        costCurrency = cost == null ? null : cost.currency();
        accountName = t.accountName() == null ? "" : t.accountName();
        provider = (byte) t.provider().ordinal();
        boolean packed = PackedUuid.packable(t.providerTaskId());
        idHigh = packed ? PackedUuid.high(t.providerTaskId()) : 0;
        idLow = packed ? PackedUuid.low(t.providerTaskId()) : 0;
        providerTaskId = packed ? null : t.providerTaskId();
        status = (byte) t.status().ordinal();
        providerStatus = t.providerStatus();
        prompt = t.prompt() == null ? "" : t.prompt();
        model = t.model() == null ? "" : t.model();
        resolution = t.resolution();
        aspectRatio = t.aspectRatio();
        String errorMessage = t.error() == null ? null
                : (t.error().message() == null || t.error().message().isEmpty() ? t.error().code() : t.error().message());
        String note = t.note() == null ? "" : t.note();
        List<String> tags = t.tags().isEmpty() ? List.of() : t.tags();
        extras = errorMessage == null && note.isEmpty() && tags.isEmpty() ? null
                : new Extras(errorMessage, note, tags);
        etaSeconds = t.etaSeconds() == null ? -1 : t.etaSeconds();
        progress = (short) (t.progress() == null ? -1 : t.progress());
        flags = (byte) ((t.onProvider() ? ON_PROVIDER : 0) | (t.archived() ? ARCHIVED : 0)
                | (t.starred() ? STARRED : 0) | (t.videoUrl() != null ? HAS_VIDEO : 0)
                | (t.hasImage() ? HAS_IMAGE : 0) | (packed ? PACKED_ID : 0));
        long[] signature = new long[2];
        SearchWords.sign(t.providerTaskId(), signature);
        SearchWords.sign(Long.toString(id), signature);
        SearchWords.sign(prompt, signature);
        SearchWords.sign(model, signature);
        SearchWords.sign(accountName, signature);
        SearchWords.sign(note, signature);
        for (String tag : tags) {
            SearchWords.sign(tag, signature);
        }
        signatureLow = signature[0];
        signatureHigh = signature[1];
    }

    /** An amount that fits a long at its scale; amounts that do not are rounded to 6 places. */
    private static BigDecimal packable(BigDecimal amount) {
        BigDecimal a = amount;
        if (a.scale() < 0) {
            a = a.setScale(0);
        }
        if (a.scale() > 18 || a.unscaledValue().bitLength() > 62) {
            a = a.setScale(6, java.math.RoundingMode.HALF_EVEN);
        }
        return a.unscaledValue().bitLength() > 62 ? BigDecimal.valueOf(Long.MAX_VALUE / 2, 0) : a;
    }

    public static TaskRow of(StoredTask stored) {
        return of(TaskSummary.of(stored));
    }

    public static TaskRow of(TaskSummary t) {
        return new TaskRow(t);
    }

    /** Where the first non-blank line of a prompt starts: past leading white space, blank lines included. */
    private static int firstLineStart(String prompt) {
        int start = 0;
        while (start < prompt.length() && Character.isWhitespace(prompt.charAt(start))) {
            start++;
        }
        return start;
    }

    /** The character at {@code i} of the prompt's first line, or {@link #LINE_END} past the line's end. */
    private static int lineChar(String prompt, int i) {
        if (i >= prompt.length()) {
            return LINE_END;
        }
        char c = prompt.charAt(i);
        return c == '\n' ? LINE_END : c;
    }

    /** Whether the first line ends at {@code i} once its trailing white space is stripped. */
    private static boolean lineEndsAt(String prompt, int i) {
        for (int k = i; k < prompt.length() && prompt.charAt(k) != '\n'; k++) {
            if (!Character.isWhitespace(prompt.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String accountName() {
        return accountName;
    }

    public ProviderKind provider() {
        return PROVIDERS[provider];
    }

    public String providerTaskId() {
        return (flags & PACKED_ID) != 0 ? PackedUuid.text(idHigh, idLow) : providerTaskId;
    }

    public TaskStatus status() {
        return STATUSES[status];
    }

    public String providerStatus() {
        return providerStatus;
    }

    /** 0..100, or null when the provider gave none (small values are cached boxes: no allocation). */
    public Integer progress() {
        return progress < 0 ? null : Integer.valueOf(progress);
    }

    public Integer etaSeconds() {
        return etaSeconds < 0 ? null : etaSeconds;
    }

    public String prompt() {
        return prompt;
    }

    /** The first non-blank line of the prompt, stripped (as {@code Task.promptFirstLine()}). */
    public String promptFirstLine() {
        return Task.firstLine(prompt);
    }

    /**
     * Compares the prompts' first lines ({@link Task#firstLine}) ignoring case, without copying them or finding
     * where they end first: most prompts differ in their first few characters, so a sort reads only those.
     */
    static int compareFirstLines(TaskRow a, TaskRow b) {
        String pa = a.prompt;
        String pb = b.prompt;
        int i = firstLineStart(pa);
        int j = firstLineStart(pb);
        while (true) {
            int ca = lineChar(pa, i);
            int cb = lineChar(pb, j);
            if (ca == cb) {
                if (ca == LINE_END) {
                    return 0;
                }
            } else {
                int fa = ca == LINE_END ? LINE_END : Character.toLowerCase(Character.toUpperCase((char) ca));
                int fb = cb == LINE_END ? LINE_END : Character.toLowerCase(Character.toUpperCase((char) cb));
                if (fa != fb) {
                    // Trailing white space is not part of a line: a line that ends here sorts first.
                    boolean aEnds = fa == LINE_END || Character.isWhitespace(fa) && lineEndsAt(pa, i);
                    boolean bEnds = fb == LINE_END || Character.isWhitespace(fb) && lineEndsAt(pb, j);
                    if (aEnds || bEnds) {
                        return aEnds == bEnds ? 0 : aEnds ? -1 : 1;
                    }
                    return fa - fb;
                }
            }
            i++;
            j++;
        }
    }

    public String model() {
        return model;
    }

    public Instant createdAt() {
        return createdAt == NONE ? null : Instant.ofEpochMilli(createdAt);
    }

    /** Epoch milliseconds, {@link Long#MIN_VALUE} when unknown: for comparators and the filter. */
    public long createdAtMillis() {
        return createdAt;
    }

    /** When Reelwatch first saw the task, by its own clock (never the provider's time); null when unknown. */
    public Instant firstSeenAt() {
        return firstSeenAt == NONE ? null : Instant.ofEpochMilli(firstSeenAt);
    }

    /** The provider's creation time, else when Reelwatch first saw the task: the list's order. */
    public Instant sortTime() {
        long at = sortTimeMillis();
        return at == NONE ? null : Instant.ofEpochMilli(at);
    }

    /** {@link #sortTime()} in epoch milliseconds, {@link Long#MIN_VALUE} when neither is known. */
    public long sortTimeMillis() {
        return createdAt != NONE ? createdAt : firstSeenAt;
    }

    public Instant completedAt() {
        return completedAt == NONE ? null : Instant.ofEpochMilli(completedAt);
    }

    public Duration duration() {
        return durationMs == NONE ? null : Duration.ofMillis(durationMs);
    }

    /** Milliseconds, {@link Long#MIN_VALUE} when unknown. */
    long durationMillis() {
        return durationMs;
    }

    public String resolution() {
        return resolution;
    }

    public String aspectRatio() {
        return aspectRatio;
    }

    public Cost cost() {
        return costScale == NO_COST ? null
                : new Cost(BigDecimal.valueOf(costUnscaled, costScale), UNITS[costUnit], costCurrency);
    }

    /** Whether the task has a video output with a link (its URL is read from the store when copied). */
    public boolean hasVideo() {
        return (flags & HAS_VIDEO) != 0;
    }

    /** Whether the provider gave an image for the task. */
    public boolean hasImage() {
        return (flags & HAS_IMAGE) != 0;
    }

    public boolean onProvider() {
        return (flags & ON_PROVIDER) != 0;
    }

    public boolean archived() {
        return (flags & ARCHIVED) != 0;
    }

    public String errorMessage() {
        return extras == null ? null : extras.errorMessage();
    }

    public boolean starred() {
        return (flags & STARRED) != 0;
    }

    public List<String> tags() {
        return extras == null ? List.of() : extras.tags();
    }

    public String note() {
        return extras == null ? "" : extras.note();
    }

    /**
     * What a thumbnail of this row depends on (archived file, provider image): a cache remembers "no thumbnail"
     * only for the state it asked in, so an archive or a new image brings the thumbnail at once.
     */
    public int mediaState() {
        return flags & (ARCHIVED | HAS_IMAGE | HAS_VIDEO);
    }

    /** Whether every one of the lower-case words occurs in the row's searchable text (ids, prompt, model, …). */
    boolean matches(SearchWords words) {
        for (int w = 0; w < words.size(); w++) {
            if ((signatureLow & words.low(w)) != words.low(w) || (signatureHigh & words.high(w)) != words.high(w)) {
                return false;
            }
            String word = words.word(w);
            // The model and account strings are shared by many rows, so they are likely in cache: read first.
            if (!(SearchWords.contains(model, word) || SearchWords.contains(accountName, word)
                    || SearchWords.contains(prompt, word) || providerIdContains(word)
                    || SearchWords.contains(note(), word) || tagsContain(word)
                    || idContains(word))) {
                return false;
            }
        }
        return true;
    }

    private boolean providerIdContains(String word) {
        return (flags & PACKED_ID) != 0 ? PackedUuid.contains(idHigh, idLow, word)
                : SearchWords.contains(providerTaskId, word);
    }

    /** Only a word of digits can occur in the id, so other words skip formatting it (one String per row). */
    private boolean idContains(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.toString(id).contains(word);
    }

    private boolean tagsContain(String word) {
        for (String t : tags()) {
            if (SearchWords.contains(t, word)) {
                return true;
            }
        }
        return false;
    }

    /** "1920×1080 · 16:9", or whichever half is known. */
    public String resolutionAndRatio() {
        String res = resolution == null ? "" : resolution.replace('x', '×');
        String ratio = aspectRatio == null ? "" : aspectRatio;
        if (res.isEmpty() || ratio.isEmpty()) {
            return res + ratio;
        }
        return res + " · " + ratio;
    }

    /** The cost formatted for its unit ({@link CostFormat}). */
    public String costText() {
        return CostFormat.format(cost());
    }

    /** The first few words of the prompt, for notifications. */
    public String promptOpening(int words) {
        String first = promptFirstLine();
        String[] parts = first.split("\\s+");
        if (parts.length <= words) {
            return first;
        }
        return String.join(" ", Arrays.copyOf(parts, words)) + "…";
    }

    /** Progress 0..1 for the bar: finished tasks are full, unknown progress is -1 (indeterminate). */
    public double progressFraction() {
        TaskStatus status = status();
        if (status == TaskStatus.SUCCEEDED) {
            return 1.0;
        }
        if (status.isTerminal()) {
            return progress < 0 ? 0 : progress / 100.0;
        }
        return progress < 0 ? -1 : progress / 100.0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TaskRow r)) {
            return false;
        }
        return id == r.id && accountId == r.accountId && createdAt == r.createdAt && completedAt == r.completedAt
                && durationMs == r.durationMs && costUnscaled == r.costUnscaled && costScale == r.costScale
                && costUnit == r.costUnit && etaSeconds == r.etaSeconds && progress == r.progress && flags == r.flags
                && status == r.status && provider == r.provider && Objects.equals(accountName, r.accountName)
                && idHigh == r.idHigh && idLow == r.idLow && Objects.equals(providerTaskId, r.providerTaskId)
                && Objects.equals(providerStatus, r.providerStatus)
                && prompt.equals(r.prompt) && model.equals(r.model) && Objects.equals(resolution, r.resolution)
                && Objects.equals(aspectRatio, r.aspectRatio) && Objects.equals(costCurrency, r.costCurrency)
                && Objects.equals(extras, r.extras);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + status;
    }

    private record Extras(String errorMessage, String note, List<String> tags) {
    }

    @Override
    public String toString() {
        return "TaskRow[" + id + " " + providerTaskId() + " " + status().wireName() + "]";
    }
}
