package org.preemptlab.app.gui.site;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.preemptlab.site.Site;

/**
 * The site editor's state: the {@link Site} property it edits (given by its owner; every accepted
 * edit sets it to a new immutable Site) and one view-model per page. A null site (a version-1
 * scenario) leaves every page empty and refuses nothing, since nothing can be edited.
 */
public final class SiteEditorViewModel {

    private final ObjectProperty<Site> site;
    private final ObservableList<String> nodeGroups = FXCollections.observableArrayList();
    private final PartitionsViewModel partitions;
    private final AccountsViewModel accounts;
    private final QosViewModel qos;
    private final PriorityViewModel priority;

    public SiteEditorViewModel(ObjectProperty<Site> site) {
        this.site = site;
        partitions = new PartitionsViewModel(this);
        accounts = new AccountsViewModel(this);
        qos = new QosViewModel(this);
        priority = new PriorityViewModel(this);
    }

    /** The edited site (the property given to the constructor). */
    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public Site site() {
        return site.get();
    }

    /** True while there is no site to edit. */
    public BooleanBinding noSite() {
        return Bindings.isNull(site);
    }

    /**
     * The cluster's node groups (pools). Empty (the default): a partition's Nodes may name any group;
     * otherwise each name must be one of these.
     */
    public ObservableList<String> nodeGroups() {
        return nodeGroups;
    }

    public PartitionsViewModel partitions() {
        return partitions;
    }

    public AccountsViewModel accounts() {
        return accounts;
    }

    public QosViewModel qos() {
        return qos;
    }

    public PriorityViewModel priority() {
        return priority;
    }
}
