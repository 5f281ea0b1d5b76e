package org.preemptlab.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Menu;

/** What the main window's menus do beyond the view-model: files, dialogs, pages built elsewhere. */
public interface MainActions {

    Node editorPage();

    Node comparePage();

    /** The Samples (start) page: every sample scenario with what it teaches and an Open button. */
    Node samplesPage();

    void newScenario();

    void open();

    Menu samplesMenu();

    void importSwf();

    /** File ▸ Import from Slurm: a live cluster "from now", or a slurm.conf's pools. */
    void importSlurm();

    /** File ▸ Import Slurm history: a site's sacct history replayed, predicted vs actual starts. */
    void importHistory();

    Menu recentMenu();

    void save();

    void saveAs();

    Menu exportMenu();

    void compare();

    void exit();

    void shortcuts();

    void about();
}
