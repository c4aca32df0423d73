package dev.reelwatch.ui.welcome;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.ResourceBundle;

/** The first-run screen: an illustration, what Reelwatch does, and "Add account" / "Explore with demo data". */
public final class WelcomeView extends StackPane {
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.welcome.messages");

    public WelcomeView(WelcomeViewModel model) {
        getStyleClass().add("welcome-view");
        getStylesheets().add(WelcomeView.class.getResource("welcome.css").toExternalForm());

        Label title = new Label(text.getString("title"));
        title.getStyleClass().add("welcome-title");
        Label tagline = new Label(text.getString("tagline"));
        tagline.getStyleClass().add("welcome-tagline");
        Label explain = new Label(text.getString("explain"));
        explain.getStyleClass().add("welcome-explain");
        explain.setWrapText(true);
        explain.setMaxWidth(560);

        VBox points = new VBox(8, point("point.watch", "dot-running"), point("point.archive", "dot-ok"),
                point("point.history", "dot-accent"));
        points.setMaxWidth(Region.USE_PREF_SIZE);
        points.getStyleClass().add("welcome-points");

        Button add = new Button(text.getString("action.add"));
        add.setId("welcome-add");
        add.getStyleClass().addAll("welcome-button", "accent");
        add.setDefaultButton(true);
        add.setOnAction(e -> model.addAccount());
        Button demo = new Button(text.getString("action.demo"));
        demo.setId("welcome-demo");
        demo.getStyleClass().add("welcome-button");
        demo.setOnAction(e -> model.exploreDemo());
        add.disableProperty().bind(model.startingDemoProperty());
        demo.disableProperty().bind(model.startingDemoProperty());
        HBox buttons = new HBox(12, add, demo);
        buttons.setAlignment(Pos.CENTER);

        Label hint = new Label(text.getString("demo.hint"));
        hint.getStyleClass().add("welcome-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        Label starting = new Label(text.getString("demo.starting"));
        starting.getStyleClass().add("welcome-hint");
        HBox busy = new HBox(8, spinner, starting);
        busy.setAlignment(Pos.CENTER);
        busy.visibleProperty().bind(model.startingDemoProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Label error = new Label();
        error.setId("welcome-error");
        error.getStyleClass().add("welcome-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox column = new VBox(illustration(), new VBox(6, title, tagline), explain, points, buttons, hint, busy,
                error);
        column.getStyleClass().add("welcome-column");
        column.setAlignment(Pos.CENTER);
        ((VBox) column.getChildren().get(1)).setAlignment(Pos.CENTER);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("welcome-scroll");
        getChildren().add(scroll);
    }

    private Node point(String key, String dotStyle) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("welcome-dot", dotStyle);
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("welcome-point");
        HBox row = new HBox(10, dot, l);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A screen with a play button, three task cards with progress bars, and a few sparkles: all shapes. */
    private Node illustration() {
        Rectangle glow = rect(0, 0, 340, 190, 28, "art-glow");
        Rectangle screen = rect(30, 18, 170, 112, 14, "art-screen");
        Rectangle screenInner = rect(40, 28, 150, 84, 8, "art-screen-inner");
        Circle playDisc = new Circle(115, 70, 24);
        playDisc.getStyleClass().add("art-play-disc");
        Polygon play = new Polygon(107, 58, 107, 82, 128, 70);
        play.getStyleClass().add("art-play");
        Rectangle stand = rect(100, 130, 30, 14, 3, "art-stand");
        Rectangle base = rect(80, 142, 70, 8, 4, "art-stand");

        Group cards = new Group(card(214, 26, 0.35, "art-bar-queued"), card(214, 72, 0.7, "art-bar-running"),
                card(214, 118, 1.0, "art-bar-ok"));
        Circle s1 = sparkle(24, 160, 5, "art-sparkle-accent");
        Circle s2 = sparkle(318, 20, 4, "art-sparkle-ok");
        Circle s3 = sparkle(206, 166, 3, "art-sparkle-running");
        Circle s4 = sparkle(14, 30, 3, "art-sparkle-queued");
        Group art = new Group(glow, screen, screenInner, playDisc, play, stand, base, cards, s1, s2, s3, s4);
        StackPane holder = new StackPane(art);
        holder.getStyleClass().add("welcome-art");
        return holder;
    }

    private Group card(double x, double y, double done, String barStyle) {
        Rectangle card = rect(x, y, 112, 36, 8, "art-card");
        Rectangle thumb = rect(x + 8, y + 8, 20, 20, 4, "art-thumb");
        Rectangle line = rect(x + 36, y + 10, 60, 5, 3, "art-line");
        Rectangle track = rect(x + 36, y + 21, 66, 5, 3, "art-track");
        Rectangle bar = rect(x + 36, y + 21, 66 * done, 5, 3, barStyle);
        return new Group(card, thumb, line, track, bar);
    }

    private static Circle sparkle(double x, double y, double r, String style) {
        Circle c = new Circle(x, y, r);
        c.getStyleClass().add(style);
        return c;
    }

    private static Rectangle rect(double x, double y, double w, double h, double arc, String style) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        r.getStyleClass().add(style);
        return r;
    }
}
