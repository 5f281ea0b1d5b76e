package org.preemptlab.app.gui.site;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.preemptlab.site.Site;

/**
 * Editor pages for a Slurm site: Partitions, Accounts (the account tree with shares), QOS and
 * Priority. Self-contained: give it the property that holds the {@link Site}; every accepted edit
 * sets that property to a new immutable Site with exactly that change, and a refused value stays in
 * its field with a message beside it (naming the place and the value in Slurm terms), leaving the
 * property alone. While the property is null (a version-1 scenario) the pages are disabled.
 */
public final class SiteEditorPane extends BorderPane {

    private final SiteEditorViewModel vm;
    private final TabPane tabs = new TabPane();

    public SiteEditorPane(ObjectProperty<Site> site) {
        this(new SiteEditorViewModel(site));
    }

    public SiteEditorPane(SiteEditorViewModel vm) {
        this.vm = vm;
        setId("site-editor");
        tabs.setId("site-editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Partitions", "site-tab-partitions", new PartitionsPage(vm)),
                tab("Accounts", "site-tab-accounts", new AccountsPage(vm)),
                tab("QOS", "site-tab-qos", new QosPage(vm)),
                tab("Priority", "site-tab-priority", new PriorityPage(vm)));
        tabs.disableProperty().bind(vm.noSite());
        Label none = new Label("This scenario has no Slurm site (a version-1 scenario): there are no partitions, accounts or QOS to edit.");
        none.setId("site-editor-none");
        none.setWrapText(true);
        none.visibleProperty().bind(vm.noSite());
        none.managedProperty().bind(none.visibleProperty());
        setTop(none);
        setCenter(tabs);
    }

    /** The pages' state (for the owner and tests). */
    public SiteEditorViewModel viewModel() {
        return vm;
    }

    /** Selects a page: 0 Partitions, 1 Accounts, 2 QOS, 3 Priority. */
    public void showPage(int index) {
        tabs.getSelectionModel().select(index);
    }

    private static Tab tab(String title, String id, Region page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Tab t = new Tab(title, scroll);
        t.setId(id);
        return t;
    }
}
