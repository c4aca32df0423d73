package dev.reelwatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells whether a downloaded file starts like a playable video container: ISO base media (MP4, MOV, 3GP,
 * M4V: a box such as {@code ftyp}, {@code moov} or {@code mdat} first) or Matroska/WebM (the EBML magic). An
 * HTML error page, compressed bytes or an empty file are refused before they are kept as a video.
 */
final class VideoSignature {
    /** Box types a QuickTime or MP4 file may start with ({@code ftyp} in every modern file). */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot",
            "styp");
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private VideoSignature() {
    }

    /** Whether these first bytes (at least 12 wanted) begin an MP4/MOV or WebM/Matroska file. */
    static boolean looksPlayable(byte[] head, int length) {
        if (length >= 4 && head[0] == EBML[0] && head[1] == EBML[1] && head[2] == EBML[2] && head[3] == EBML[3]) {
            return true;
        }
        if (length < 8) {
            return false;
        }
        String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        return FIRST_BOXES.contains(box);
    }

    /** Throws a verification failure when {@code file} is not a video container. */
    static void check(Path file) throws DownloadFailure {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "cannot read " + file + " back", e);
        }
        if (!looksPlayable(head, n)) {
            throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The downloaded file is not a playable"
                    + " video (it does not start like an MP4, MOV or WebM file" + describe(head, n)
                    + "); it was discarded.");
        }
    }

    /** What {@code file} holds instead of a video, for a sentence: "a web page", "an empty file"… */
    static String whatItHolds(Path file) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "something unreadable";
        }
        if (n == 0) {
            return "an empty file";
        }
        if (n >= 2 && head[0] == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "gzip-compressed bytes";
        }
        return head[0] == '<' ? "a web page" : "bytes that are not a video";
    }

    private static String describe(byte[] head, int n) {
        if (n == 0) {
            return ": it is empty";
        }
        if (n >= 2 && head[0] == 0x1f && (head[1] & 0xff) == 0x8b) {
            return ": it is gzip-compressed";
        }
        if (head[0] == '<') {
            return ": it looks like a web page";
        }
        return "";
    }
}
