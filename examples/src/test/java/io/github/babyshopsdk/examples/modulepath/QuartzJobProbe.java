package io.github.babyshopsdk.examples.modulepath;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.listeners.SchedulerListenerSupport;

/**
 * A child-JVM program for {@code ModulePathIT}: with the examples module on the module path and this class on the
 * class path, an in-memory Quartz scheduler runs the examples' {@code FlowJob} once. Quartz instantiates the job
 * reflectively, which works only because the descriptor exports its package to {@code org.quartz}. The job then
 * fails on purpose (no engine in the scheduler context), which shows it was instantiated and executed. Prints one
 * line, {@code FlowJob ran: <the job's failure>} (exit 0) or {@code FlowJob not instantiated: ...} (exit 1).
 *
 * <p>Its package is not one of the examples module's: a class-path class in a module's package would be hidden.
 */
public final class QuartzJobProbe {
    private static final String FLOW_JOB = "io.github.babyshopsdk.examples.quartz.FlowJob";

    private QuartzJobProbe() {
    }

    /** Runs the probe; see the class comment. */
    public static void main(String[] args) throws Exception {
        // by name: the package is not exported to this (unnamed) module, only to Quartz
        Class<? extends Job> job = Class.forName(FLOW_JOB).asSubclass(Job.class);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "module-path-probe");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "probe";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                result.set("FlowJob ran: " + (failure == null ? "no failure" : failure.getMessage()));
                done.countDown();
            }
        });
        scheduler.getListenerManager().addSchedulerListener(new SchedulerListenerSupport() {
            @Override
            public void schedulerError(String message, SchedulerException cause) {
                result.set("FlowJob not instantiated: " + message + ": " + cause.getCause());
                done.countDown();
            }
        });
        scheduler.start();
        try {
            scheduler.scheduleJob(JobBuilder.newJob(job).withIdentity("orders").usingJobData("flow", "ORDERS").build(),
                    TriggerBuilder.newTrigger().startNow().build());
            done.await();
        } finally {
            scheduler.shutdown();
        }
        System.out.println(result.get());
        System.exit(result.get().startsWith("FlowJob ran: ") ? 0 : 1);
    }
}
