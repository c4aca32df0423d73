package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaLibrariesTest {

    @Test
    void missingDecodersFailOnCiAndSkipElsewhere(@TempDir Path empty) {
        AssertionFailedError onCi = assertThrows(AssertionFailedError.class,
                () -> MediaLibraries.require("Linux", "true", List.of(empty)));
        assertTrue(onCi.getMessage().contains("libavcodec59 libavformat59"), onCi.getMessage());
        assertThrows(TestAbortedException.class, () -> MediaLibraries.require("Linux", null, List.of(empty)));
    }

    @Test
    void presentDecodersOrOtherSystemsLetTheTestRun(@TempDir Path libs) throws Exception {
        Files.createFile(libs.resolve("libavcodec.so.59"));
        assertEquals(List.of("libavformat"), PlaybackHost.missingDecoders("Linux", List.of(libs)));
        Files.createFile(libs.resolve("libavformat.so.59.27.100"));
        assertDoesNotThrow(() -> MediaLibraries.require("Linux", "true", List.of(libs)));
        assertDoesNotThrow(() -> MediaLibraries.require("Mac OS X", "true", List.of()));
    }
}
