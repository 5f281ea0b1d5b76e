/**
 * Reading and writing Standard Workload Format (SWF 2.2) traces of the Parallel Workloads Archive.
 *
 * <ul>
 *   <li>{@link org.preemptlab.io.swf.SwfReader} reads plain or gzip files (detected by their first
 *       bytes) into {@link org.preemptlab.job.JobSpec}s, completely ({@code read}, sorted by submit
 *       time) or job by job ({@code stream}, in file order);</li>
 *   <li>{@link org.preemptlab.io.swf.SwfFeed} reads on a thread of its own and hands the jobs over in
 *       submit order while it reads (for {@code tracerun}: a trace simulated while it is read); the same
 *       trace and errors as {@code read};</li>
 *   <li>{@link org.preemptlab.io.swf.SwfWriter} writes a simulated schedule back as SWF, atomically;</li>
 *   <li>{@link org.preemptlab.io.swf.SwfHeader} keeps the {@code ; Key: value} header lines;</li>
 *   <li>{@link org.preemptlab.io.swf.AnomalyReport} counts what the anomaly rules changed.</li>
 * </ul>
 *
 * <h2>SWF anomalies</h2>
 *
 * <p>Real traces contain jobs that cannot be simulated as they are. The reader applies the rules
 * below, in this order, to every job line. Nothing is dropped or changed silently: each rule is
 * counted in the {@link org.preemptlab.io.swf.AnomalyReport}, with the job numbers and line numbers
 * of its first ten cases. A dropped line is counted under the first dropping rule that matches; a
 * kept job is counted under every fixing rule that applied. The rules reproduce the cleaning of the
 * reference inputs in {@code shared/reference}, so on those cleaned traces no rule fires, and on the
 * raw archive traces the counts equal the ones the reference cleaner noted in its header.
 *
 * <table class="striped">
 *   <caption>Anomaly rules ({@link org.preemptlab.io.swf.SwfAnomaly})</caption>
 *   <thead>
 *     <tr><th scope="col">Rule</th><th scope="col">What happens</th><th scope="col">Counted as</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>Status (field 11) is 2, 3 or 4: one partial execution of a checkpointed or swapped job</td>
 *         <td>Line skipped; the job's summary line (same job number, status 0/1/5, whole-job times) is
 *         simulated</td><td>{@code PARTIAL_EXECUTION_RECORD}</td></tr>
 *     <tr><td>Job number already used by an earlier line</td>
 *         <td>Later line dropped, first kept (the job number stays the id that joins input and output)</td>
 *         <td>{@code DUPLICATE_JOB_NUMBER}</td></tr>
 *     <tr><td>Time field (2 submit, 3 wait, 4 run, 9 requested) with a fraction of a second</td>
 *         <td>Rounded to the nearest second, halves up (SWF: run time 0 means &lt; 0.5 s)</td>
 *         <td>{@code FRACTIONAL_TIME}</td></tr>
 *     <tr><td>Submit time missing or negative</td><td>Job dropped</td><td>{@code NEGATIVE_SUBMIT}</td></tr>
 *     <tr><td>Run time (field 4) missing or ≤ 0</td><td>Job dropped</td>
 *         <td>{@code ZERO_OR_MISSING_RUNTIME}</td></tr>
 *     <tr><td>Processors p = requested (field 8) if &gt; 0, else allocated (field 5); p ≤ 0</td>
 *         <td>Job dropped</td><td>{@code MISSING_PROCESSORS}</td></tr>
 *     <tr><td>p larger than the machine size</td><td>Job dropped</td><td>{@code OVERSIZED_PROCESSORS}</td></tr>
 *     <tr><td>Requested time (field 9) missing or ≤ 0</td><td>Estimate := run time</td>
 *         <td>{@code MISSING_ESTIMATE}</td></tr>
 *     <tr><td>Run time larger than the requested time</td><td>Estimate := run time</td>
 *         <td>{@code RUN_EXCEEDS_ESTIMATE}</td></tr>
 *     <tr><td>(submit, job number) smaller than on the previous kept line</td>
 *         <td>{@code read}: all jobs stably sorted by (submit, job number); {@code stream}: file order
 *         kept, only counted</td><td>{@code UNSORTED_SUBMIT}</td></tr>
 *     <tr><td>Partial-execution lines whose job has no summary line</td>
 *         <td>Job not simulated (counted once per job number)</td><td>{@code ORPHAN_PARTIAL_EXECUTION}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Not anomaly rules, but reported too:
 * <ul>
 *   <li>Fractions in the measured fields 6, 7, 10 and 18 (CPU time, memory, think time) are rounded
 *       to integers in {@code JobSpec.swf()}; counted in {@code roundedMeasurements()}.</li>
 *   <li>Integer fields (1, 5, 8, 11–17) may be written with a decimal point when integral
 *       ({@code 4.0}); {@code 4.5} is a format error.</li>
 *   <li>Lines outside the caller's selection (job range, submit window [from, to)) are counted in
 *       {@code outsideJobRange()} and {@code outsideSubmitWindow()}; with a maximum job count the
 *       reader stops after that many kept jobs ({@code stoppedAtMaxJobs()}).</li>
 *   <li>Machine size: the {@code --procs} option, else header {@code MaxProcs}, else {@code MaxNodes},
 *       else the largest job, reported as {@code INFERRED} (then no job can be oversized).</li>
 * </ul>
 *
 * <h2>Format errors</h2>
 *
 * <p>Input that is not SWF is never skipped: it throws a checked
 * {@link org.preemptlab.io.swf.SwfFormatException} (an {@code IOException}) whose message names the
 * file, the 1-based line and the field, quotes the value and states the rule:
 * <pre>
 * trace.swf:1234: field 5 (allocated processors) is "abc"; must be an integer
 * trace.swf:12: line has 17 fields; SWF needs 18
 * trace.swf:2: header MaxProcs is "lots"; must be an integer up to 2147483647
 * trace.swf.gz: truncated gzip stream after line 5321
 * trace.swf.gz: corrupt gzip stream after line 8 (Corrupt GZIP trailer)
 * trace.swf: no jobs to simulate: 3 job lines read, 3 dropped (2 ZERO_OR_MISSING_RUNTIME, 1 MISSING_PROCESSORS)
 * trace.swf: file not found (/abs/path/trace.swf)
 * </pre>
 */
package org.preemptlab.io.swf;
