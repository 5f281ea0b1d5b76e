package org.preemptlab.app.gui;

import java.util.ArrayList;
import java.util.List;

/** Records what the app would have shown in dialogs. */
public final class RecordingNotifier implements Notifier {

    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public boolean answer = true;

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void info(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(title + ": " + message);
        return answer;
    }
}
