package io.github.babyshopsdk.examples.bridge;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * What a bridge run did, gathered from the engine's flow reports and listener calls, the file host's counts and
 * the client's metrics: the final report table and the one-line JSON summary.
 *
 * <p>The JSON's counts: {@code ordersImported} and {@code ordersCancelled} are host orders created and cancelled
 * (the {@code create} and {@code cancel} lines of {@code host-events.jsonl}); {@code ordersSkipped} counts the
 * orders this run read and did not import (or whose update it did not apply) by the engine's explain reason, each
 * order once; {@code
 * skusImported} are SKUs new or changed in the host's SKU master; {@code skusRejected} SKUs newly rejected for
 * want of a valid Vendor SKU Code; {@code inventoryPushed}/{@code inventoryFailed} SKUs acknowledged or refused
 * by Babyshop; {@code shipmentsPushed} acknowledged shipment operations (invoice with AWB and label, shipping
 * push); {@code cancellationsPushed} host cancellations acknowledged by Babyshop; {@code apiCalls} every HTTP
 * request, authToken included; {@code quotaWaits} waits for the quota budget (the client's, and the bridge's
 * waits for the window to roll between passes); {@code errors} flow runs that failed plus records that failed
 * without another count (unreadable orders, dead-lettered shipments or cancellations, catalog records the host
 * could not take or that could not be read); {@code skipped} names, by flow, the flows this run did not finish
 * because another instance holds their lease ({@code "lease held by <instance> until <time>"}) or because this run
 * lost the lease ({@code "lease lost: ..."}), judged by each flow's last run (empty when none was skipped).
 */
public final class BridgeSummary {
    /** The catalog flow's reason for a SKU without a valid Vendor SKU Code. */
    static final String NO_VENDOR_SKU_CODE = io.github.babyshopsdk.sync.spi.SyncListener.NO_VENDOR_SKU_CODE;

    private final Map<Flow, Totals> flows = new EnumMap<>(Flow.class);
    private final Map<String, OrderReason> skippedOrders = new TreeMap<>();
    private final Map<String, String> outboundSkipped = new LinkedHashMap<>();
    private final Map<String, String> outboundDead = new LinkedHashMap<>();
    private final Map<Flow, String> skippedFlows = new EnumMap<>(Flow.class);
    private final List<String> warnings = new ArrayList<>();
    private int catalogErrors;
    private int failedRuns;
    private int bridgeQuotaWaits;
    private String lastQuotaWait;

    /** Per-flow totals over a run's passes. */
    private static final class Totals {
        int runs;
        int fetched;
        int imported;
        int updated;
        int pushed;
        int failed;
        FlowOutcome last;
        String lastError;
    }

    /** The final counts of a run, for the JSON line. */
    record Counts(int ordersImported, int ordersCancelled, int skusImported, int skusRejected, long apiCalls,
                  long clientQuotaWaits) {
    }

    synchronized void add(FlowReport report) {
        Totals totals = flows.computeIfAbsent(report.flow(), f -> new Totals());
        if (report.outcome() != FlowOutcome.DISABLED && report.outcome() != FlowOutcome.LEASE_HELD_ELSEWHERE) {
            totals.runs++;
        }
        if (report.outcome() == FlowOutcome.LEASE_HELD_ELSEWHERE) {
            skippedFlows.put(report.flow(), report.error().orElse("lease held by another instance"));
        } else if (report.outcome() == FlowOutcome.LEASE_LOST) {
            skippedFlows.put(report.flow(), "lease lost: " + report.error().orElse("taken over by another instance"));
        } else {
            skippedFlows.remove(report.flow());
        }
        totals.fetched += report.fetched();
        totals.imported += report.imported();
        totals.updated += report.updated();
        totals.pushed += report.pushed();
        totals.failed += report.failed();
        totals.last = report.outcome();
        totals.lastError = report.error().orElse(null);
        if (report.outcome() == FlowOutcome.FAILED) {
            failedRuns++;
        }
    }

    synchronized void orderSkipped(String orderNo, OrderReason reason) {
        skippedOrders.put(orderNo, reason);
    }

    synchronized void orderImported(String orderNo) {
        skippedOrders.remove(orderNo);
    }

    synchronized void outboundSettled(String orderNo, String operation, String status, String detail) {
        String key = operation + " " + orderNo;
        if ("SKIPPED".equals(status)) {
            outboundSkipped.put(key, detail);
        } else if ("DEAD".equals(status)) {
            outboundDead.put(key, detail);
        }
    }

    synchronized void catalogError() {
        catalogErrors++;
    }

    synchronized void quotaWait() {
        bridgeQuotaWaits++;
    }

    /**
     * A flow run waits for the quota window until {@code until} (the engine's wait, inside a client call: the
     * client's metrics count it among its quota waits); the last one is shown under the table.
     */
    synchronized void engineQuotaWait(Flow flow, Instant until) {
        lastQuotaWait = flow.name().toLowerCase(Locale.ROOT) + " waited for quota until " + until;
    }

    synchronized void warning(String message) {
        warnings.add(message);
    }

    private int flow(Flow flow, ToIntFunction<Totals> field) {
        Totals totals = flows.get(flow);
        return totals == null ? 0 : field.applyAsInt(totals);
    }

    /** Orders skipped, by explain reason label. */
    synchronized Map<String, Integer> skippedByReason() {
        Map<String, Integer> byReason = new TreeMap<>();
        skippedOrders.values().forEach(reason -> byReason.merge(reason.label(), 1, Integer::sum));
        return byReason;
    }

    /** The flows whose last run was skipped or cut short for their lease, with why, in flow order. */
    synchronized Map<Flow, String> skippedFlows() {
        return new EnumMap<>(skippedFlows);
    }

    /** Failed flow runs plus failed records that have no count of their own. */
    synchronized int errors() {
        return failedRuns + flow(Flow.ORDERS, t -> t.failed) + flow(Flow.SHIPMENTS, t -> t.failed)
                + flow(Flow.CANCELLATIONS, t -> t.failed) + catalogErrors;
    }

    /** The one-line JSON summary. */
    synchronized String toJson(Counts counts) {
        StringBuilder skipped = new StringBuilder("{");
        skippedByReason().forEach((reason, n) -> skipped.append(skipped.length() > 1 ? ", " : "")
                .append('"').append(new String(JsonStringEncoder.getInstance().quoteAsString(reason))).append("\": ")
                .append(n));
        skipped.append('}');
        StringBuilder skippedFlowsJson = new StringBuilder("{");
        skippedFlows.forEach((flow, why) -> skippedFlowsJson.append(skippedFlowsJson.length() > 1 ? ", " : "")
                .append('"').append(flow.name().toLowerCase(Locale.ROOT)).append("\": \"")
                .append(new String(JsonStringEncoder.getInstance().quoteAsString(why))).append('"'));
        skippedFlowsJson.append('}');
        return String.format(Locale.ROOT, "{\"ordersImported\": %d, \"ordersCancelled\": %d, \"ordersSkipped\": %s, "
                        + "\"skusImported\": %d, \"skusRejected\": %d, \"inventoryPushed\": %d, \"inventoryFailed\": %d, "
                        + "\"shipmentsPushed\": %d, \"cancellationsPushed\": %d, \"apiCalls\": %d, \"quotaWaits\": %d, "
                        + "\"errors\": %d, \"skipped\": %s}",
                counts.ordersImported(), counts.ordersCancelled(), skipped, counts.skusImported(), counts.skusRejected(),
                flow(Flow.INVENTORY, t -> t.pushed), flow(Flow.INVENTORY, t -> t.failed),
                flow(Flow.SHIPMENTS, t -> t.pushed), flow(Flow.CANCELLATIONS, t -> t.pushed), counts.apiCalls(),
                counts.clientQuotaWaits() + bridgeQuotaWaits, errors(), skippedFlowsJson);
    }

    /** The final report table and its notes. */
    synchronized void printTable(PrintStream out, Counts counts, List<HostEventsCsv.Line> waitingEvents) {
        out.println();
        out.printf(Locale.ROOT, "%-14s %5s %7s %9s %10s %7s %7s  %s%n", "flow", "runs", "read", "imported",
                "cancelled", "pushed", "failed", "last outcome");
        for (Flow flow : List.of(Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.INVENTORY, Flow.CATALOG,
                Flow.RECONCILIATION)) {
            Totals t = flows.getOrDefault(flow, new Totals());
            if (flow == Flow.RECONCILIATION && t.runs == 0) {
                continue; // a once run does not reconcile: no row
            }
            out.printf(Locale.ROOT, "%-14s %5d %7d %9d %10d %7d %7d  %s%n", flow.name().toLowerCase(Locale.ROOT),
                    t.runs, t.fetched, t.imported, t.updated, t.pushed, t.failed, t.last == null ? "-"
                            : t.last.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (t.lastError == null ? "" : ": " + SafeText.of(t.lastError)));
        }
        out.println();
        out.printf(Locale.ROOT, "host orders    %d created, %d cancelled; SKU master %d new or changed, %d rejected%n",
                counts.ordersImported(), counts.ordersCancelled(), counts.skusImported(), counts.skusRejected());
        Map<String, Integer> skipped = skippedByReason();
        if (!skipped.isEmpty()) {
            out.println("not imported   " + describe(skipped));
        }
        outboundSkipped.forEach((what, why) -> out.println("not pushed     " + SafeText.of(what) + ": "
                + SafeText.of(why)));
        outboundDead.forEach((what, why) -> out.println("dead-lettered  " + SafeText.of(what) + ": " + SafeText.of(why)));
        for (HostEventsCsv.Line line : waitingEvents) {
            out.println("waiting        " + line.type() + " " + SafeText.of(line.orderNo()) + " (host events line "
                    + line.line() + "): the host holds no such order yet");
        }
        skippedFlows.forEach((flow, why) -> out.println("skipped        " + flow.name().toLowerCase(Locale.ROOT) + ": "
                + SafeText.of(why) + " (another instance runs this flow; this run did not finish it; exit code "
                + BabyshopBridge.EXIT_FLOWS_SKIPPED + ")"));
        if (lastQuotaWait != null) {
            out.println("quota          " + lastQuotaWait + " (the last wait of a flow for the window)");
        }
        warnings.forEach(w -> out.println("warning        " + SafeText.of(w)));
    }

    private static String describe(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(reason));
        return text.toString();
    }
}
