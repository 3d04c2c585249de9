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
 * engine's flow leases would refuse the second run anyway). The job's result is the {@link FlowReport}.
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
        context.setResult(engine.run(flow));
    }
}
