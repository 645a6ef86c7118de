package org.amqpexplorer.ui;

import java.util.List;
import java.util.Objects;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The look of the window: Modena with one of two colour sheets over a shared base sheet. Switching themes swaps
 * the scene's stylesheets; dialogs get the same sheets so they match.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String BASE = "base.css";
    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    /** The stylesheet URLs, base first. */
    public List<String> stylesheets() {
        return List.of(url(BASE), url(sheet));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public void apply(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    /** For a dialog's pane, which is not in the window's scene. */
    public void apply(Parent parent) {
        parent.getStylesheets().setAll(stylesheets());
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }
}
