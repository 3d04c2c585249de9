package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: routes a request to its operation, applies transport faults, runs the gate,
 * decodes the {@code RequestBody} form field, calls the handler, records the request (before the
 * answer is sent, so a test sees it as soon as it has the answer) and sends the answer. Logs the
 * operation and outcome only: never the query string, headers or body.
 */
public final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.babyshopsdk.testkit.SellerPanelSimulator");

    private final String basePath;
    private final Clock clock;
    private final AuthGate gate;
    private final FaultEngine faults;
    private final Journal journal;
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A dispatcher.
     *
     * @param basePath e.g. {@code /RestWS/api/sellerPanel/v3/}
     * @param clock simulated clock (for record times)
     * @param gate auth and quota
     * @param faults fault engine
     * @param journal request log
     * @param services handler services
     */
    public Dispatcher(String basePath, Clock clock, AuthGate gate, FaultEngine faults, Journal journal,
                      Services services) {
        this.basePath = basePath;
        this.clock = clock;
        this.gate = gate;
        this.faults = faults;
        this.journal = journal;
        CatalogHandlers catalog = new CatalogHandlers(services);
        OrderListHandler list = new OrderListHandler(services);
        OrderFetchHandler fetch = new OrderFetchHandler(services);
        InvoiceHandlers invoices = new InvoiceHandlers(services);
        FulfilmentHandlers fulfilment = new FulfilmentHandlers(services);
        handlers.put(Operation.PRODUCT_FETCH, catalog::productFetch);
        handlers.put(Operation.INVENTORY_PRICE_UPDATE, catalog::inventoryPriceUpdate);
        handlers.put(Operation.INVENTORY_PRICE_STATUS, catalog::inventoryPriceStatus);
        handlers.put(Operation.SKU_BACK_ORDER, catalog::skuBackOrder);
        handlers.put(Operation.ORDER_LIST, list::handle);
        handlers.put(Operation.ORDER_LIST_JIT, list::handle);
        handlers.put(Operation.ORDER_FETCH, fetch::handle);
        handlers.put(Operation.ORDER_FETCH_JIT, fetch::handle);
        handlers.put(Operation.ORDER_RETURN, new ReturnHandler(services)::handle);
        handlers.put(Operation.GENERATE_INVOICE, invoices::generateInvoice);
        handlers.put(Operation.FETCH_INVOICE, invoices::fetchInvoice);
        handlers.put(Operation.FETCH_DOCUMENTS, new DocumentHandler(services)::handle);
        handlers.put(Operation.ORDER_SHIPPING, fulfilment::orderShipping);
        handlers.put(Operation.ORDER_CANCELLATION, fulfilment::orderCancellation);
    }

    /** What arrived, for the record. */
    private record Incoming(long sequence, Instant at, String method, String path, Map<String, String> query,
                            Map<String, List<String>> headers, String requestBody) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            LOG.error("simulator failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            try {
                send(exchange, SimResponse.html(500, "Simulator Error"));
            } catch (IOException | RuntimeException ignored) {
                // the exchange is already broken
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange ex) throws IOException, InterruptedException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        Map<String, String> query = FormParser.parse(ex.getRequestURI().getRawQuery());
        Map<String, String> form = FormParser.parse(new String(raw, StandardCharsets.UTF_8));
        Incoming in = new Incoming(journal.nextSequence(), clock.instant(), ex.getRequestMethod(),
                ex.getRequestURI().getPath(), query, copy(ex.getRequestHeaders()), form.get("RequestBody"));

        String rawPath = ex.getRequestURI().getRawPath();
        Optional<Operation> found = rawPath.startsWith(basePath)
                ? Operation.fromPath(rawPath.substring(basePath.length())) : Optional.empty();
        if (found.isEmpty()) {
            respond(ex, in, null, SimResponse.html(404, "Not Found"), null, null);
            return;
        }
        Operation op = found.get();
        if (!op.method().equalsIgnoreCase(in.method())) {
            respond(ex, in, op, SimResponse.html(405, "Method Not Allowed"), null, null);
            return;
        }
        FaultKind fault = faults.decide(op).orElse(null);
        if (fault == FaultKind.DROPPED_CONNECTION) {
            record(in, op, 0, null, fault, null, null);
            return; // handle() closes the exchange without a response
        }
        if (fault != null && fault.httpStatus() != 0) {
            String reason = fault == FaultKind.HTTP_500 ? "Internal Server Error"
                    : fault == FaultKind.HTTP_502 ? "Bad Gateway" : "Service Unavailable";
            respond(ex, in, op, SimResponse.html(fault.httpStatus(), reason), fault, null);
            return;
        }
        if (fault == FaultKind.SLOW_RESPONSE) {
            Thread.sleep(faults.slowDelay().toMillis());
        }
        AuthGate.Admission admission = op == Operation.AUTH_TOKEN ? gate.authToken(query)
                : gate.admit(firstHeader(ex.getRequestHeaders(), "ApiKey"));
        SimResponse response = admission.rejection() != null ? admission.rejection()
                : process(op, in.requestBody(), admission.credential(), fault);
        if (fault == FaultKind.DROPPED_AFTER_PROCESSING) {
            record(in, op, 0, response.responseCode(), fault, null, admission.credential());
            return;
        }
        respond(ex, in, op, response, fault, admission.credential());
    }

    private SimResponse process(Operation op, String requestBody, String credential, FaultKind fault) {
        JsonNode body;
        if (requestBody == null || requestBody.isBlank()) {
            if (op != Operation.SKU_BACK_ORDER) {
                return SimResponse.error(Codes.EMPTY_REQUEST);
            }
            body = JsonNodeFactory.instance.objectNode();
        } else {
            try {
                body = mapper.readTree(requestBody);
            } catch (JsonProcessingException e) {
                return SimResponse.error(Codes.GENERIC_ERROR);
            }
            if (body == null || body.isNull() || body.isMissingNode()
                    || (body.isObject() && body.isEmpty() && op != Operation.SKU_BACK_ORDER)) {
                return SimResponse.error(Codes.EMPTY_REQUEST);
            }
            if (!body.isObject()) {
                return SimResponse.error(Codes.GENERIC_ERROR);
            }
        }
        try {
            return handlers.get(op).handle(new Call(op, body, credential, fault));
        } catch (ApiError e) {
            LOG.debug("{} answered {}: {}", op.path(), e.code(), e.getMessage());
            return SimResponse.error(e.code());
        }
    }

    private void respond(HttpExchange ex, Incoming in, Operation op, SimResponse r, FaultKind fault,
                         String credential) throws IOException {
        record(in, op, r.httpStatus(), r.responseCode(), fault, r.faultDetail(), credential);
        send(ex, r);
    }

    private void record(Incoming in, Operation op, int status, Integer code, FaultKind fault, String detail,
                        String credential) {
        Map<String, String> query = new TreeMap<>(in.query());
        query.computeIfPresent("password", (k, v) -> RecordedRequest.REDACTED);
        journal.add(new RecordedRequest(in.sequence(), in.at(), op, in.method(), in.path(), query, in.headers(),
                in.requestBody(), status, code, fault, detail, credential));
        LOG.debug("#{} {} {} -> HTTP {} responseCode {}{}", in.sequence(), in.method(),
                op == null ? in.path() : op.path(), status, code, fault == null ? "" : " fault " + fault);
    }

    private static void send(HttpExchange ex, SimResponse r) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        r.headers().forEach(h::set);
        int len = r.body().length;
        ex.sendResponseHeaders(r.httpStatus(), len == 0 ? -1 : len);
        if (len > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(r.body());
            }
        }
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }

    private static String firstHeader(Headers headers, String name) {
        String v = headers.getFirst(name);
        return v == null || v.isBlank() ? null : v;
    }
}
