package io.github.babyshopsdk.examples.quartz;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * One engine flow as a Quartz job: runs {@code engine.run(flow)} on the node Quartz chose. The flow is the job's
 * {@value #FLOW} data; the node's {@link SyncEngine} is in its scheduler context under {@link QuartzSync#ENGINE}.
 * {@link DisallowConcurrentExecution}: in a clustered job store a flow never runs on two nodes at once (the
 * engine's flow leases would refuse the second run anyway). The job's result is the {@link FlowReport}. A run
 * that stops for quota with work left ({@link FlowReport#continueAt()}) gets a one-shot trigger at that time
 * ({@link QuartzSync#continueAt}), so the backlog goes on when its tier next gets a permit.
 */
@DisallowConcurrentExecution
public final class FlowJob implements Job {
    /** The job data key holding the flow's name. */
    public static final String FLOW = "flow";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        SyncEngine engine;
        try {
            engine = (SyncEngine) context.getScheduler().getContext().get(QuartzSync.ENGINE);
        } catch (SchedulerException e) {
            throw new JobExecutionException("cannot read the scheduler context", e);
        }
        if (engine == null) {
            throw new JobExecutionException("no SyncEngine in the scheduler context under " + QuartzSync.ENGINE
                    + ": start nodes with QuartzSync.startNode");
        }
        Flow flow = Flow.valueOf(context.getMergedJobDataMap().getString(FLOW));
        FlowReport report = engine.run(flow);
        context.setResult(report);
        // a backlog goes on at its tier's next free quota slot, not at the next interval: this flow's continuation,
        // and that of a flow this run gave work (set during the run)
        for (Flow each : Flow.values()) {
            engine.continuation(each).filter(at -> each == flow || !at.isBefore(report.startedAt()))
                    .ifPresent(at -> QuartzSync.continueAt(context, each, at));
        }
    }
}
