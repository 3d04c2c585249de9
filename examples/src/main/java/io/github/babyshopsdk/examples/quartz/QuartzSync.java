package io.github.babyshopsdk.examples.quartz;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.SyncEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's flows as Quartz jobs in a clustered JDBC job store: a host that outgrows one node runs the sync on
 * several, and Quartz decides which node runs which flow when. Each node has its own {@link SyncEngine} on the
 * shared state database (its own {@code EngineOptions.instanceId}); every node runs the same code:
 *
 * <pre>{@code
 * Properties properties = QuartzSync.clusteredProperties("babyshop", "node-1", jdbcUrl, user, password, 3);
 * Scheduler scheduler = QuartzSync.startNode(properties, engine);
 * QuartzSync.scheduleFlows(scheduler, QuartzSync.DEFAULT_INTERVALS);   // idempotent: the first node adds them
 * ...
 * scheduler.shutdown(true);                                           // waits for running flows
 * }</pre>
 *
 * <p>The Quartz tables must exist in the database (Quartz ships their DDL, e.g.
 * {@code org/quartz/impl/jdbcjobstore/tables_postgres.sql} and {@code tables_h2.sql} in its jar).
 */
public final class QuartzSync {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzSync.class);
    /** The scheduler-context key of the node's engine. */
    public static final String ENGINE = "babyshop.syncEngine";
    /** The job and trigger group of the flows. */
    public static final String GROUP = "babyshop-sync";
    /**
     * The engine's default intervals: orders 30 min, cancellations and shipments 5 min, inventory 15 min, catalog 6 h,
     * reconciliation 1 day.
     */
    public static final Map<Flow, Duration> DEFAULT_INTERVALS = Map.of(Flow.ORDERS, Duration.ofMinutes(30),
            Flow.CANCELLATIONS, Duration.ofMinutes(5), Flow.SHIPMENTS, Duration.ofMinutes(5),
            Flow.INVENTORY, Duration.ofMinutes(15), Flow.CATALOG, Duration.ofHours(6),
            Flow.RECONCILIATION, Duration.ofDays(1));

    private QuartzSync() {
    }

    /**
     * Quartz properties of one node of a clustered {@code JobStoreTX}: every node uses the same
     * {@code schedulerName} and database and its own {@code instanceId}.
     *
     * @param jdbcUrl the shared database ({@code jdbc:postgresql:...} or {@code jdbc:h2:...})
     * @param threads worker threads of this node
     */
    public static Properties clusteredProperties(String schedulerName, String instanceId, String jdbcUrl, String user,
                                                 String password, int threads) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        // Quartz keeps data sources in a JVM-wide registry by name: one name per node, so that nodes sharing a
        // JVM (as in tests) do not close each other's pool on shutdown
        String ds = "babyshop_" + instanceId.replaceAll("[^A-Za-z0-9]", "_");
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", ds);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.dataSource." + ds + ".provider", "hikaricp");
        p.setProperty("org.quartz.dataSource." + ds + ".driver", postgres ? "org.postgresql.Driver" : "org.h2.Driver");
        p.setProperty("org.quartz.dataSource." + ds + ".URL", jdbcUrl);
        p.setProperty("org.quartz.dataSource." + ds + ".user", user == null ? "" : user);
        p.setProperty("org.quartz.dataSource." + ds + ".password", password == null ? "" : password);
        p.setProperty("org.quartz.dataSource." + ds + ".maxConnections", Integer.toString(threads + 3));
        return p;
    }

    /** Creates this node's scheduler, puts {@code engine} in its context and starts it. */
    public static Scheduler startNode(Properties properties, SyncEngine engine) throws SchedulerException {
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.getContext().put(ENGINE, engine);
        scheduler.start();
        return scheduler;
    }

    /**
     * Adds one {@link FlowJob} per flow with a trigger repeating at its interval, unless the cluster has it
     * already (any node may call this; the first one wins). A missed run is skipped, not caught up: the next one
     * does the same work.
     */
    public static void scheduleFlows(Scheduler scheduler, Map<Flow, Duration> intervals) throws SchedulerException {
        for (Map.Entry<Flow, Duration> entry : intervals.entrySet()) {
            String name = entry.getKey().name().toLowerCase(Locale.ROOT);
            JobKey key = JobKey.jobKey(name, GROUP);
            if (scheduler.checkExists(key)) {
                continue;
            }
            JobDetail job = JobBuilder.newJob(FlowJob.class).withIdentity(key).usingJobData(FlowJob.FLOW,
                    entry.getKey().name()).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(job).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(entry.getValue().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            try {
                scheduler.scheduleJob(job, trigger);
            } catch (ObjectAlreadyExistsException e) {
                // another node added it meanwhile
            }
        }
    }

    /**
     * Schedules the one-shot continuation of {@code flow}'s job at {@code at} (trigger {@code <flow>-continue}),
     * replacing an earlier one: a backlog goes on when its tier next gets a permit rather than at the next interval.
     * A failure is logged, not thrown: the flow's interval trigger still runs it.
     */
    static void continueAt(JobExecutionContext context, Flow flow, Instant at) {
        String name = flow.name().toLowerCase(Locale.ROOT);
        TriggerKey key = TriggerKey.triggerKey(name + "-continue", GROUP);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JobKey.jobKey(name, GROUP))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            Scheduler scheduler = context.getScheduler();
            if (scheduler.checkExists(key)) {
                scheduler.rescheduleJob(key, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException e) {
            // another node scheduled it meanwhile
        } catch (SchedulerException e) {
            LOG.warn("could not schedule the continuation of {} at {}: {}", flow, at, e.toString());
        }
    }
}
