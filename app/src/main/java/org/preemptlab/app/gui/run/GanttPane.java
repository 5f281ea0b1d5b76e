package org.preemptlab.app.gui.run;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The Gantt on screen: a canvas painted from a {@link GanttViewModel}, scroll bars, a hover
 * tooltip, and mouse handling (wheel zooms; Shift+wheel or wheel over the node names scrolls rows;
 * drag pans; click selects a job or folds a pool; a click on the axis or queue lane moves the cursor).
 */
public final class GanttPane extends Region {

    private static final double BAR = 14;
    private static final double DRAG_THRESHOLD = 4;

    private final GanttViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private final Label tip = new Label();
    private final GanttPainter painter = new GanttPainter();
    private Function<GanttHit, String> tooltipText;
    private boolean redrawQueued;
    private boolean syncing;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;

    public GanttPane(GanttViewModel vm) {
        this.vm = vm;
        this.tooltipText = hit -> JobHistory.tooltip(vm.index(), hit);
        getStyleClass().add("gantt-pane");
        vbar.setOrientation(Orientation.VERTICAL);
        tip.getStyleClass().add("gantt-tooltip");
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        getChildren().addAll(canvas, hbar, vbar, tip);
        canvas.setFocusTraversable(true);
        vm.revisionProperty().addListener((o, a, b) -> requestRedraw());
        hbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.setVisibleRange(b.doubleValue(), vm.viewSpan());
        });
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.scrollTo(b.doubleValue());
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.setVisible(false));
        setMinSize(200, 120);
        setPrefSize(900, 520);
    }

    public GanttViewModel viewModel() {
        return vm;
    }

    public Canvas canvas() {
        return canvas;
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
        canvas.setWidth(cw);
        canvas.setHeight(ch);
        canvas.relocate(0, 0);
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
        painter.paint(canvas.getGraphicsContext2D(), vm);
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
        canvas.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        tip.setVisible(false);
    }

    private void onDragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_THRESHOLD) return;
        dragged = true;
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
