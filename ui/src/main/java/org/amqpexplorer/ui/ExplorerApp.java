package org.amqpexplorer.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The AMQP Explorer window as a JavaFX application. Launched by the program's main class (which is not an
 * Application itself, so the program runs from a plain jar); a {@code --version=…} parameter names the build.
 */
public final class ExplorerApp extends Application {
    private ExecutorService files;
    private MainViewModel model;

    @Override
    public void start(Stage stage) {
        files = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trace-files");
            t.setDaemon(true);
            return t;
        });
        model = new MainViewModel(files, Platform::runLater);
        show(stage, model, getParameters().getNamed().getOrDefault("version", "(development build)"));
    }

    @Override
    public void stop() {
        if (model != null) {
            model.capture().stop();
            model.flowLab().close();
        }
        if (files != null) files.shutdown();
    }

    /** Builds the main window for {@code model} on {@code stage}, shows it and starts the capture's pulse. */
    public static void show(Stage stage, MainViewModel model, String version) {
        MainView view = new MainView(model, stage, version);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1280, screen.getWidth() * 0.9), Math.min(820, screen.getHeight() * 0.9));
        view.install(scene);
        stage.setTitle("AMQP Explorer");
        addIcons(stage);
        stage.setMinWidth(560);
        stage.setMinHeight(380);
        stage.setScene(scene);
        stage.show();
        model.capture().start();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                model.pulse();
            }
        }.start();
    }

    /** The program's icon (resources module, drawn from resources/icons/amqp-explorer.svg) in the sizes desktops pick from. */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var url = ExplorerApp.class.getResource("/org/amqpexplorer/icons/amqp-explorer-" + size + ".png");
            if (url != null) stage.getIcons().add(new Image(url.toExternalForm()));
        }
    }
}
