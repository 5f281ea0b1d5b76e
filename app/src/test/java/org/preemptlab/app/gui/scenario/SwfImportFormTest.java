package org.preemptlab.app.gui.scenario;

import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.JobDraft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;

class SwfImportFormTest {

    @TempDir
    Path dir;

    @Test
    void blank_fields_mean_no_limit() {
        var r = SwfImportForm.check("", " ", "", "", "");
        assertThat(r.ok()).isTrue();
        assertThat(r.options()).contains(SwfReadOptions.defaults());
        assertThat(SwfImportForm.check("0", "", "", "", "").options()).contains(SwfReadOptions.defaults());
    }

    @Test
    void range_window_and_limit_become_reader_options() {
        var o = SwfImportForm.check("500", "10", "20", "1h", "7200").options().orElseThrow();
        assertThat(o.maxJobs()).isEqualTo(500);
        assertThat(o.firstJob()).isEqualTo(10);
        assertThat(o.lastJob()).isEqualTo(20);
        assertThat(o.submitFrom()).isEqualTo(3600);
        assertThat(o.submitTo()).isEqualTo(7200);
        var half = SwfImportForm.check("", "", "20", "30m", "").options().orElseThrow();
        assertThat(half.firstJob()).isEqualTo(SwfReadOptions.defaults().firstJob());
        assertThat(half.lastJob()).isEqualTo(20);
        assertThat(half.submitFrom()).isEqualTo(1800);
        assertThat(half.submitTo()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void each_bad_field_is_named_with_its_problem() {
        var r = SwfImportForm.check("many", "-3", "", "soon", "");
        assertThat(r.ok()).isFalse();
        assertThat(r.options()).isEmpty();
        assertThat(r.problems()).containsOnlyKeys(SwfImportForm.MAX_JOBS, SwfImportForm.FIRST_JOB, SwfImportForm.SUBMIT_FROM);
        assertThat(r.problems().get(SwfImportForm.MAX_JOBS)).contains("\"many\" is not a whole number");
        assertThat(r.problems().get(SwfImportForm.FIRST_JOB)).contains("negative");
        assertThat(r.problems().get(SwfImportForm.SUBMIT_FROM)).contains("not a time");
    }

    @Test
    void empty_range_and_empty_window_are_refused_on_the_second_field() {
        var r = SwfImportForm.check("", "20", "10", "2h", "1h");
        assertThat(r.problems()).containsOnlyKeys(SwfImportForm.LAST_JOB, SwfImportForm.SUBMIT_TO);
        assertThat(r.problems().get(SwfImportForm.LAST_JOB)).contains("before first job 20");
        assertThat(r.problems().get(SwfImportForm.SUBMIT_TO)).contains("must be after submit-from (2h)");
    }

    @Test
    void the_import_keeps_the_selection_and_reports_the_anomalies_and_the_machine() throws Exception {
        Path swf = dir.resolve("dirty.swf");
        Files.writeString(swf, """
                1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 1 -1 -1 -1
                2 10 -1 50 8 -1 -1 8 -1 -1 1 1 1 -1 1 -1 -1 -1
                3 20 -1 0 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
                4 30 -1 30 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
                5 4000 -1 30 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
                9 40 -1 30 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
                """);
        SwfReadOptions o = SwfImportForm.check("", "2", "5", "0", "1h").options().orElseThrow();
        var trace = SwfReader.read(swf, o);
        ScenarioDraft draft = SwfImport.toDraft(swf, trace, o);
        assertThat(draft.jobs()).extracting(JobDraft::name).containsExactly("2", "4");
        assertThat(draft.trace().firstJob()).isEqualTo(2);
        assertThat(draft.trace().lastJob()).isEqualTo(5);
        assertThat(draft.trace().toSubmit()).isEqualTo(3600);
        assertThat(draft.description()).contains("job numbers 2..5", "submitted in [0s, 1h)");

        ImportReport report = ImportReport.of(trace.report());
        assertThat(report.machineProcs()).isEqualTo(8);
        assertThat(report.machineInferred()).isTrue();
        assertThat(report.machineLine()).contains("8 processors", "inferred from the largest job");
        assertThat(report.totals()).contains("6 job lines", "2 jobs kept", "2 outside the job range", "1 outside the submit window");
        assertThat(report.rules()).hasSize(org.preemptlab.io.swf.SwfAnomaly.values().length);
        assertThat(report.fired()).extracting(ImportReport.Rule::name)
                .contains("ZERO_OR_MISSING_RUNTIME", "MISSING_ESTIMATE");
        ImportReport.Rule zero = report.fired().stream().filter(r -> r.name().equals("ZERO_OR_MISSING_RUNTIME")).findFirst().orElseThrow();
        assertThat(zero.count()).isEqualTo(1);
        assertThat(zero.action()).isEqualTo("dropped");
        assertThat(zero.description()).contains("run time missing");
        assertThat(zero.examples()).contains("job 3 (line 3)");
        assertThat(report.firedLine()).contains("fired on");
    }
}
