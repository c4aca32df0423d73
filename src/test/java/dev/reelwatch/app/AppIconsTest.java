package dev.reelwatch.app;

import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadsOneSquareIconPerShippedSizeSmallestFirst() {
        List<Image> icons = AppIcons.load();

        assertEquals(AppIcons.SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = AppIcons.SIZES.get(i);
            assertEquals(size, icon.getWidth(), "width of icon " + i);
            assertEquals(size, icon.getHeight(), "height of icon " + i);
        }
    }

    @Test
    void iconsAreDrawnNotBlank() {
        for (Image icon : AppIcons.load()) {
            var pixels = icon.getPixelReader();
            int size = (int) icon.getWidth();
            Set<Integer> opaqueColours = new HashSet<>();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int argb = pixels.getArgb(x, y);
                    if (argb >>> 24 == 0xFF) {
                        opaqueColours.add(argb);
                    }
                }
            }
            // Rounded corners are see-through; the drawing has at least background, eye and iris colours.
            assertTrue((pixels.getArgb(0, 0) >>> 24) < 0x20, "corner alpha at " + size + " px");
            assertTrue(opaqueColours.size() >= 3, "distinct colours at " + size + " px: " + opaqueColours.size());
        }
    }
}
