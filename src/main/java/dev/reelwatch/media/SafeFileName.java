package dev.reelwatch.media;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Turns any text into a file or folder name every desktop OS accepts: no separators, no reserved names. */
public final class SafeFileName {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "COM0", "LPT0", "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$", "CLOCK$");
    /** Most file systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS) per name; keep clear of both. */
    private static final int MAX_BYTES = 240;
    /**
     * How this JVM turns file names into bytes. Linux follows the locale: under {@code LANG=C} (cron, systemd,
     * many CI images) only ASCII names can be created at all. Windows and macOS take any Unicode name.
     */
    private static final Charset FILE_NAMES = fileNameCharset(System.getProperty("os.name", ""),
            System.getProperty("sun.jnu.encoding"));

    private SafeFileName() {
    }

    /**
     * {@code raw} without characters Windows, macOS or Linux refuse, without leading/trailing dots and spaces,
     * at most {@code maxCodePoints} long, never a reserved device name, never empty ({@code fallback}).
     */
    public static String of(String raw, int maxCodePoints, String fallback) {
        return of(raw, maxCodePoints, fallback, FILE_NAMES);
    }

    /** As {@link #of(String, int, String)}, also replacing what {@code fileNames} cannot encode. */
    static String of(String raw, int maxCodePoints, String fallback, Charset fileNames) {
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        CharsetEncoder encodable = fileNames.newEncoder();
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || "<>:\"/\\|?*".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED || cp == 0xFFFD
                    || !encodable.canEncode(Character.toString(cp))) {
                // Separators, controls, invisible bidi/zero-width marks (which can disguise an extension),
                // broken text and what the file system's encoding cannot hold all become '_'.
                out.append('_');
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().replaceAll(" {2,}", " ").replaceAll("_{2,}", "_");
        cleaned = trimDotsAndSpaces(limit(trimDotsAndSpaces(cleaned), maxCodePoints));
        if (cleaned.isEmpty()) {
            cleaned = fallback;
        }
        String stem = cleaned.contains(".") ? cleaned.substring(0, cleaned.indexOf('.')) : cleaned;
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            cleaned = "_" + cleaned;
        }
        return cleaned;
    }

    /** A name of at most {@code maxCodePoints} whose extension (".mp4") survives shortening. */
    public static String withExtension(String rawStem, String extension, int maxCodePoints) {
        String ext = extension == null || extension.isBlank() ? "" : "." + of(extension, 10, "bin");
        String stem = of(rawStem, Math.max(1, maxCodePoints - ext.length()), "video");
        return stem + ext;
    }

    /** Lower-case words joined by '-', for prompts in file names; letters of every script are kept. */
    public static String slug(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder();
        decomposed.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        String slug = limit(out.toString(), maxCodePoints);
        while (slug.endsWith("-")) {
            slug = slug.substring(0, slug.length() - 1);
        }
        return slug;
    }

    static Charset fileNameCharset(String osName, String jnuEncoding) {
        if (osName.startsWith("Windows") || osName.startsWith("Mac") || jnuEncoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(jnuEncoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String limit(String s, int maxCodePoints) {
        String out = s.codePointCount(0, s.length()) <= maxCodePoints ? s
                : s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
        // Then by bytes, whole code points at a time: 60 emoji are 60 code points but 240 bytes.
        while (out.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || out.length() > MAX_BYTES) {
            out = out.substring(0, out.offsetByCodePoints(0, out.codePointCount(0, out.length()) - 1));
        }
        return out;
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }
}
