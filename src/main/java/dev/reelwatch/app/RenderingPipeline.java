package dev.reelwatch.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Chooses JavaFX's software renderer before the toolkit starts on a Linux machine with no GPU device at all (no
 * {@code /dev/dri}, no {@code /dev/nvidiactl}): a virtual machine, a remote desktop, a container. There JavaFX
 * would first probe OpenGL, find only Mesa's software rasteriser, refuse it ("System GPU doesn't meet the es2
 * pipe requirement") and fall back to the same software renderer anyway; the probe costs start-up time and
 * leaves Mesa and LLVM loaded, tens of MB of the process's memory. The absence of device nodes is an inference,
 * not a test of the GPU, so anything the user set ({@code -Dprism.order}, {@code -Dprism.forceGPU}) wins, and a
 * machine with any device node keeps JavaFX's own choice.
 */
final class RenderingPipeline {
    private static final Logger LOG = Logger.getLogger(RenderingPipeline.class.getName());
    static final String ORDER = "prism.order";
    static final String FORCE_GPU = "prism.forceGPU";
    static final String SOFTWARE = "sw";

    private RenderingPipeline() {
    }

    /** The {@code prism.order} to set before the toolkit starts, if any. */
    static Optional<String> choose(String osName, Properties properties, Path devices) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")
                || properties.getProperty(ORDER) != null || properties.getProperty(FORCE_GPU) != null) {
            return Optional.empty();
        }
        boolean gpuDevice = Files.exists(devices.resolve("dri")) || Files.exists(devices.resolve("nvidiactl"));
        return gpuDevice ? Optional.empty() : Optional.of(SOFTWARE);
    }

    /** Sets the choice into the system properties; call before {@code Application.launch}. */
    static void applyToSystem() {
        choose(System.getProperty("os.name", ""), System.getProperties(), Path.of("/dev"))
                .ifPresent(order -> {
                    System.setProperty(ORDER, order);
                    LOG.info("no GPU device found (no /dev/dri, no /dev/nvidiactl): rendering in software (inferred;"
                            + " -Dprism.order=es2 tries OpenGL)");
                });
    }
}
