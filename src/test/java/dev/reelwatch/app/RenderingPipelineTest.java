package dev.reelwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderingPipelineTest {
    @TempDir
    Path dev;

    @Test
    void linuxWithoutAnyGpuDeviceRendersInSoftwareFromTheStart() {
        assertEquals(Optional.of("sw"), RenderingPipeline.choose("Linux", new Properties(), dev));
    }

    @Test
    void aDriDeviceLeavesTheChoiceToJavaFx() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", new Properties(), dev));
    }

    @Test
    void theNvidiaDriverDeviceLeavesTheChoiceToJavaFx() throws IOException {
        Files.createFile(dev.resolve("nvidiactl"));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", new Properties(), dev));
    }

    @Test
    void whatTheUserSetWins() {
        Properties order = new Properties();
        order.setProperty("prism.order", "es2");
        Properties force = new Properties();
        force.setProperty("prism.forceGPU", "true");
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", order, dev));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", force, dev));
    }

    @Test
    void otherSystemsKeepTheirOwnPipelines() {
        assertEquals(Optional.empty(), RenderingPipeline.choose("Windows 11", new Properties(), dev));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Mac OS X", new Properties(), dev));
    }
}
