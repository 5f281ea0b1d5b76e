package org.preemptlab.app.gui.run;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The Gantt on screen: a layered surface painted from a {@link GanttViewModel}, scroll bars, a hover
 * tooltip, and mouse handling (wheel zooms; Shift+wheel or wheel over the node names scrolls rows;
 * drag pans, or draws a maintenance window in that mode; click selects a job or folds a pool; a click on the axis or queue lane moves the cursor).
 */
public final class GanttPane extends Region {

    private static final double BAR = 14;
    private static final double DRAG_THRESHOLD = 4;

    private final GanttViewModel vm;
    private final GanttSurface surface = new GanttSurface();
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private final Label tip = new Label();
    private Function<GanttHit, String> tooltipText;
    private boolean redrawQueued;
    private boolean syncing;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private final BooleanProperty drawMaintenance = new SimpleBooleanProperty(this, "drawMaintenance", false);
    private final Rectangle preview = new Rectangle();
    private Consumer<MaintenanceDrawing.Span> maintenanceDrawn = span -> {};
    /** The same drawing for an advance reservation (drawn and dragged as maintenance windows are). */
    private final BooleanProperty drawReservation = new SimpleBooleanProperty(this, "drawReservation", false);
    private Consumer<MaintenanceDrawing.Span> reservationDrawn = span -> {};

    public GanttPane(GanttViewModel vm) {
        this.vm = vm;
        this.tooltipText = hit -> JobHistory.tooltip(vm.index(), hit);
        getStyleClass().add("gantt-pane");
        vbar.setOrientation(Orientation.VERTICAL);
        tip.getStyleClass().add("gantt-tooltip");
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        preview.getStyleClass().add("maintenance-preview");
        preview.setFill(Color.rgb(110, 110, 130, 0.28));
        preview.setStroke(Color.rgb(60, 60, 80, 0.9));
        preview.getStrokeDashArray().setAll(5.0, 4.0);
        preview.setManaged(false);
        preview.setMouseTransparent(true);
        preview.setVisible(false);
        getChildren().addAll(surface, hbar, vbar, preview, tip);
        drawMaintenance.addListener((o, a, b) -> {
            if (b) drawReservation.set(false);
            surface.setCursor(b || drawReservation.get() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        });
        drawReservation.addListener((o, a, b) -> {
            if (b) drawMaintenance.set(false);
            surface.setCursor(b || drawMaintenance.get() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        });
        surface.setFocusTraversable(true);
        vm.revisionProperty().addListener((o, a, b) -> requestRedraw());
        hbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.setVisibleRange(b.doubleValue(), vm.viewSpan());
        });
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.scrollTo(b.doubleValue());
        });
        surface.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        surface.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        surface.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        surface.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.setVisible(false));
        setMinSize(200, 120);
        setPrefSize(900, 520);
    }

    public GanttViewModel viewModel() {
        return vm;
    }

    /** While on, a drag over the rows draws a maintenance window instead of panning. */
    public BooleanProperty drawMaintenanceProperty() {
        return drawMaintenance;
    }

    /** Where drawn maintenance windows go. */
    public void setOnMaintenanceDrawn(Consumer<MaintenanceDrawing.Span> action) {
        this.maintenanceDrawn = action == null ? span -> {} : action;
    }

    /** While on, a drag over the rows draws an advance reservation instead of panning. */
    public BooleanProperty drawReservationProperty() {
        return drawReservation;
    }

    /** Where drawn reservations go. */
    public void setOnReservationDrawn(Consumer<MaintenanceDrawing.Span> action) {
        this.reservationDrawn = action == null ? span -> {} : action;
    }

    /** The drawing surface (mouse events are handled on it). */
    public GanttSurface surface() {
        return surface;
    }

    public void setTooltipText(Function<GanttHit, String> text) {
        this.tooltipText = text;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double cw = Math.max(1, w - BAR);
        double ch = Math.max(1, h - BAR);
        surface.resizeRelocate(0, 0, cw, ch);
        hbar.resizeRelocate(0, ch, cw, BAR);
        vbar.resizeRelocate(cw, 0, BAR, ch);
        vm.setViewport(cw, ch);
        redraw();
    }

    private void requestRedraw() {
        if (redrawQueued) return;
        redrawQueued = true;
        Platform.runLater(() -> {
            redrawQueued = false;
            redraw();
        });
    }

    /** Paints now (also used for snapshots and the benchmark). */
    public void redraw() {
        surface.paint(vm);
        syncScrollBars();
    }

    private void syncScrollBars() {
        syncing = true;
        try {
            RunRecord run = vm.index().run();
            double lo = run.startTime() - vm.viewSpan() * 0.9;
            double hi = run.endTime() - vm.viewSpan() * 0.1;
            hbar.setMin(lo);
            hbar.setMax(Math.max(lo + 1, hi));
            hbar.setVisibleAmount(Math.max(1, (hi - lo) * vm.viewSpan() / (hi - lo + vm.viewSpan())));
            hbar.setValue(vm.viewStart());
            hbar.setUnitIncrement(vm.viewSpan() / 20);
            hbar.setBlockIncrement(vm.viewSpan() * 0.8);
            double max = vm.maxScrollY();
            vbar.setMin(0);
            vbar.setMax(Math.max(1, max));
            vbar.setVisibleAmount(Math.max(1, max * vm.plotHeight() / Math.max(1, vm.contentHeight())));
            vbar.setValue(vm.scrollY());
            vbar.setUnitIncrement(vm.rowHeight());
            vbar.setDisable(max <= 0);
        } finally {
            syncing = false;
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0 && e.getDeltaX() == 0) return;
        if (e.isShiftDown() || e.getX() < vm.plotLeft()) {
            vm.scrollBy(-(e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX()));
        } else {
            vm.zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        surface.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        tip.setVisible(false);
    }

    private void onDragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_THRESHOLD) return;
        dragged = true;
        if ((drawMaintenance.get() || drawReservation.get()) && e.getButton() == MouseButton.PRIMARY) {
            showPreview(MaintenanceDrawing.span(vm, pressX, pressY, e.getX(), e.getY()).orElse(null));
            return;
        }
        if (pressY < vm.plotTop() && pressX >= vm.plotLeft()) {
            vm.cursorProperty().set(Math.round(clampTime(vm.timeAt(e.getX()))));
        } else {
            vm.panByPixels(e.getX() - lastX);
            vm.scrollBy(-(e.getY() - lastY));
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void onReleased(MouseEvent e) {
        if ((drawMaintenance.get() || drawReservation.get()) && dragged && e.getButton() == MouseButton.PRIMARY) {
            preview.setVisible(false);
            MaintenanceDrawing.span(vm, pressX, pressY, e.getX(), e.getY()).ifPresent(span -> {
                if (drawReservation.get()) {
                    reservationDrawn.accept(span);
                    return;
                }
                maintenanceDrawn.accept(span);
                if (!vm.index().processorMode()) vm.plannedMaintenance().add(span); // visible now, not only after the next run
            });
            return;
        }
        if (dragged || e.getButton() != MouseButton.PRIMARY) return;
        if (e.getY() < vm.plotTop()) {
            if (e.getX() >= vm.plotLeft()) vm.cursorProperty().set(Math.round(clampTime(vm.timeAt(e.getX()))));
            return;
        }
        int group = vm.groupHeaderAt(e.getY());
        if (group >= 0) {
            vm.toggleGroup(group);
            return;
        }
        vm.selectedJobProperty().set(vm.hitTest(e.getX(), e.getY()).map(GanttHit::job).orElse(-1));
    }

    /** The window being drawn, snapped: its time span over its pool's rows (or all rows). */
    private void showPreview(MaintenanceDrawing.Span span) {
        if (span == null) {
            preview.setVisible(false);
            return;
        }
        double top = vm.plotTop(), bottom = vm.plotTop() + vm.plotHeight();
        if (!span.pool().equals(org.preemptlab.scenario.MaintenanceDraft.ALL_NODES)) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (LayoutRow r : vm.layout()) {
                boolean inPool = r.header() ? vm.index().groups().get(r.group()).name().equals(span.pool())
                        : r.node() >= span.firstRow() && r.node() <= span.lastRow();
                if (!inPool) continue;
                lo = Math.min(lo, vm.screenY(r));
                hi = Math.max(hi, vm.screenY(r) + r.height());
            }
            if (lo <= hi) {
                top = Math.max(top, lo);
                bottom = Math.min(bottom, hi);
            }
        }
        double x0 = Math.max(vm.plotLeft(), vm.xOf(span.start()));
        double x1 = Math.min(vm.plotLeft() + vm.plotWidth(), vm.xOf(span.end()));
        preview.setX(x0);
        preview.setY(top);
        preview.setWidth(Math.max(1, x1 - x0));
        preview.setHeight(Math.max(1, bottom - top));
        preview.setVisible(true);
    }

    private double clampTime(double t) {
        RunRecord run = vm.index().run();
        return Math.max(run.startTime(), Math.min(run.endTime(), t));
    }

    private void onMoved(MouseEvent e) {
        var hit = vm.hitTest(e.getX(), e.getY());
        if (hit.isEmpty()) {
            tip.setVisible(false);
            return;
        }
        tip.setText(tooltipText.apply(hit.get()));
        tip.autosize();
        double x = e.getX() + 14;
        double y = e.getY() + 14;
        if (x + tip.getWidth() > getWidth()) x = Math.max(0, e.getX() - tip.getWidth() - 8);
        if (y + tip.getHeight() > getHeight()) y = Math.max(0, e.getY() - tip.getHeight() - 8);
        tip.relocate(x, y);
        tip.setVisible(true);
    }

    /** Shows the tooltip for a hit at a position (tests and screenshots). */
    public void showTooltip(GanttHit hit, double x, double y) {
        tip.setText(tooltipText.apply(hit));
        tip.autosize();
        tip.relocate(x + 14, y + 14);
        tip.setVisible(true);
    }
}
