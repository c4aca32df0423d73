package dev.reelwatch.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names from server data (prompts, ids, account names, URLs) can never escape the library or be refused by an OS. */
class SafeFileNameTest {
    private static final List<String> RESERVED = List.of("CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9",
            "COM0", "LPT0", "CONIN$", "CONOUT$");

    @TempDir
    Path library;

    /** Everything every name must be, whatever it was made from. */
    private void assertSafe(String name) throws Exception {
        assertFalse(name.isEmpty(), "never empty");
        assertFalse(name.equals(".") || name.equals(".."), name);
        assertTrue(name.chars().noneMatch(c -> c < 0x20 || "<>:\"/\\|?*".indexOf(c) >= 0), name);
        assertFalse(name.startsWith(".") || name.endsWith(".") || name.startsWith(" ") || name.endsWith(" "), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, "at most 255 bytes: " + name.length());
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        assertFalse(RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT)), "not a device name: " + name);
        Path resolved = library.resolve(name).normalize();
        assertEquals(library, resolved.getParent(), "stays inside the library: " + name);
        Files.writeString(resolved, "x"); // the real file system accepts it
        Files.delete(resolved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "..\\..\\Windows\\System32\\cmd.exe", "/etc/shadow", "C:\\boot.ini",
            "..", ".", "...", " ", "", "\u0000", "a\u0000b", "videos/../../x", "%2e%2e%2fetc", "\u202Egnp.exe",
            "name\u200B\u200Dwith zero width", "CON", "con.mp4", "Nul", "COM1.txt", "LPT9", "CONIN$", "com0.mp4",
            "con .mp4", "trailing dot.", "trailing space ", ".hidden", "tab\there", "new\nline", "\uD800 lone surrogate",
            "\u007F\u0085\u009F controls", "a:b*c?d\"e<f>g|h"})
    void hostileNamesBecomeSafe(String raw) throws Exception {
        assertSafe(SafeFileName.of(raw, 120, "fallback"));
        assertSafe(SafeFileName.withExtension(raw, "mp4", 120));
    }

    @Test
    void separatorsNeverSurvive() {
        assertEquals("_etc_passwd", SafeFileName.of("/etc/passwd", 100, "x"));
        assertEquals("_.._x", SafeFileName.of("\\..\\x", 100, "x"));
    }

    @Test
    void reservedDeviceNamesAreDefused() {
        assertEquals("_CON", SafeFileName.of("CON", 100, "x"));
        assertEquals("_nul.mp4", SafeFileName.withExtension("nul", "mp4", 100));
        assertEquals("_CONOUT$", SafeFileName.of("CONOUT$", 100, "x"));
        assertEquals("CONSOLE", SafeFileName.of("CONSOLE", 100, "x"), "only exact device names");
    }

    @Test
    void longNamesAreCutByCodePointsAndBytesKeepingTheExtension() throws Exception {
        String emoji = "👩🏽‍🚀".repeat(200);
        String name = SafeFileName.withExtension(emoji, "mp4", 150);
        assertTrue(name.endsWith(".mp4"), name);
        assertSafe(name);
        String arabic = SafeFileName.of("مرحبا بالعالم ".repeat(100), 150, "x");
        assertTrue(arabic.getBytes(StandardCharsets.UTF_8).length <= 240);
        assertSafe(arabic);
        assertEquals(150, SafeFileName.of("x".repeat(100_000), 150, "f").length());
    }

    @Test
    void invisibleCharactersCannotDisguiseAnExtension() {
        String name = SafeFileName.of("invoice\u202Efdp.exe", 100, "x");
        assertFalse(name.contains("\u202E"), name);
        assertTrue(name.endsWith(".exe"), "what you see is the real extension: " + name);
    }

    @Test
    void randomGarbageAlwaysGivesASafeName() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(300);
            for (int j = 0; j < n; j++) {
                int cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> "./\\:*?\"<> \u0000".charAt(random.nextInt(11));
                    case 2 -> random.nextInt(0x3000);
                    default -> 0x1F300 + random.nextInt(0x300);
                };
                sb.appendCodePoint(cp);
            }
            assertSafe(SafeFileName.of(sb.toString(), 1 + random.nextInt(200), "fallback"));
        }
    }

    @Test
    void underAnAsciiLocaleNamesKeepOnlyWhatTheFileSystemCanHold() {
        // LANG=C on Linux: the JVM can create only ASCII file names, anything else fails with InvalidPathException.
        Charset ascii = SafeFileName.fileNameCharset("Linux", "ANSI_X3.4-1968");
        assertEquals(StandardCharsets.US_ASCII, ascii);
        assertEquals("Caf_ on the moon _.mp4", SafeFileName.of("Café on the moon 🚀.mp4", 100, "x", ascii));
        assertEquals("_", SafeFileName.of("🚀", 100, "x", ascii));
        assertEquals("Café 🚀", SafeFileName.of("Café 🚀", 100, "x", SafeFileName.fileNameCharset("Linux", "UTF-8")));
        assertEquals(StandardCharsets.UTF_8, SafeFileName.fileNameCharset("Windows 11", "Cp1252"),
                "Windows file names are UTF-16 whatever the code page");
        assertEquals(StandardCharsets.UTF_8, SafeFileName.fileNameCharset("Mac OS X", "US-ASCII"));
    }

    @Test
    void slugsKeepLettersOfEveryScript() {
        assertEquals("a-cat-в-космосе-猫", SafeFileName.slug("A cat — в космосе! 猫", 40));
        assertEquals("", SafeFileName.slug("../../", 40));
    }
}
