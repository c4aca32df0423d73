package dev.reelwatch.ui.media.player;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** The player's vector icons (14 px grid), coloured by CSS ({@code .player-icon}). */
final class PlayerIcons {
    static final String PLAY = "M2,0 L14,7 L2,14 Z";
    static final String PAUSE = "M1,0 H5 V14 H1 Z M9,0 H13 V14 H9 Z";
    static final String FIRST = "M0,0 H2 V14 H0 Z M14,0 V14 L3,7 Z";
    static final String LAST = "M0,0 L11,7 L0,14 Z M12,0 H14 V14 H12 Z";
    static final String VOLUME = "M0,4.5 H3 L8,0.5 V13.5 L3,9.5 H0 Z M10,5 H11.5 V9 H10 Z M12.5,3 H14 V11 H12.5 Z";
    static final String MUTED = "M0,4.5 H3 L8,0.5 V13.5 L3,9.5 H0 Z "
            + "M9.5,5 L10.5,4 L12,5.5 L13.5,4 L14.5,5 L13,6.5 L14.5,8 L13.5,9 L12,7.5 L10.5,9 L9.5,8 L11,6.5 Z";
    static final String LOOP = "M3,3 H10 V0.5 L14,4.5 L10,8.5 V6 H4 V8 H1 V5 Q1,3 3,3 Z "
            + "M11,11 H4 V13.5 L0,9.5 L4,5.5 V8 H10 V6 H13 V9 Q13,11 11,11 Z";
    static final String FULLSCREEN = "M0,0 H5 V2 H2 V5 H0 Z M9,0 H14 V5 H12 V2 H9 Z M0,9 H2 V12 H5 V14 H0 Z "
            + "M12,9 H14 V14 H9 V12 H12 Z";
    static final String MORE = "M1,5.5 H4 V8.5 H1 Z M5.5,5.5 H8.5 V8.5 H5.5 Z M10,5.5 H13 V8.5 H10 Z";
    static final String WARNING = "M12,1 L23,21 H1 Z M11,8 V14 H13 V8 Z M11,16 V18 H13 V16 Z";

    private PlayerIcons() {
    }

    static Node icon(String path) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("player-icon");
        return svg;
    }
}
