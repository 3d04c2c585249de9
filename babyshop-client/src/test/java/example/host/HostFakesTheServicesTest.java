package example.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.orders.OrderService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host outside the SDK's packages fakes the client's services in its own tests, through the public API
 * only: the services are interfaces, and {@link Pages} and the value types are built with public factories.
 */
class HostFakesTheServicesTest {

    /** Host code under test: imports every order header updated since a moment, page by page. */
    static final class OrderImporter {
        private final OrderService orders;

        OrderImporter(OrderService orders) {
            this.orders = orders;
        }

        List<String> importSince(Instant since) {
            OrderListQuery query = OrderListQuery.builder().updatedSince(since).limit(2).build();
            return orders.list(query).records().map(OrderSummary::orderNo).collect(Collectors.toList());
        }
    }

    /** A host's in-memory {@link OrderService}: pages over a fixed list of headers. */
    static final class FakeOrderService implements OrderService {
        private final List<OrderSummary> headers = new ArrayList<>();
        private final List<Integer> pagesAsked = new ArrayList<>();

        FakeOrderService(int count) {
            for (int i = 1; i <= count; i++) {
                headers.add(OrderSummary.builder().orderNo("ORD-" + i).statusCode("1").build());
            }
        }

        @Override
        public Page<OrderSummary> listPage(OrderListQuery query) {
            pagesAsked.add(query.pageNumber());
            int from = Math.min(headers.size(), (query.pageNumber() - 1) * query.limit());
            int to = Math.min(headers.size(), from + query.limit());
            return Page.of(query.pageNumber(), query.limit(),
                    Records.<OrderSummary>builder().records(headers.subList(from, to)).build());
        }

        @Override
        public Pages<OrderSummary> list(OrderListQuery query) {
            return Pages.of(page -> listPage(OrderListQuery.builder().from(query).pageNumber(page).build()),
                    query.pageNumber(), 100);
        }

        @Override
        public Page<OrderSummary> listJitPage(OrderListQuery query) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Pages<OrderSummary> listJit(OrderListQuery query) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Records<Order> fetch(Collection<String> orderNos) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Records<Order> fetchJit(Collection<String> orderNos) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Page<ReturnOrder> returnsPage(ReturnQuery query) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Pages<ReturnOrder> returns(ReturnQuery query) {
            throw new UnsupportedOperationException("not used by this host");
        }
    }

    /** A host's {@link FulfilmentService} that records shipments, or fails them with an open outcome. */
    static final class FakeFulfilmentService implements FulfilmentService {
        private final List<List<Shipment>> shipped = new ArrayList<>();
        private boolean outcomeUnknown;

        @Override
        public void ship(List<Shipment> shipments) {
            if (outcomeUnknown) {
                throw new OutcomeUnknownException(Operation.ORDER_SHIPPING, null, null, "connection dropped", null);
            }
            shipped.add(List.copyOf(shipments));
        }

        @Override
        public String generateInvoice(InvoiceRequest request) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Records<InvoiceItem> fetchInvoice(String invoiceNo) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public Document fetchDocument(String invoiceNo, DocumentType type) {
            throw new UnsupportedOperationException("not used by this host");
        }

        @Override
        public void cancelOrder(String orderNo) {
            throw new UnsupportedOperationException("not used by this host");
        }
    }

    @Test
    void aFakeOrderServiceDrivesLazyPagingThroughThePublicPages() {
        FakeOrderService fake = new FakeOrderService(5);

        Pages<OrderSummary> pages = fake.list(OrderListQuery.builder()
                .updatedSince(Instant.parse("2026-11-01T00:00:00Z")).limit(2).build());
        assertThat(fake.pagesAsked).isEmpty();

        List<String> imported = new OrderImporter(fake).importSince(Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(imported).containsExactly("ORD-1", "ORD-2", "ORD-3", "ORD-4", "ORD-5");
        // two full pages, then the short third page ends the listing
        assertThat(fake.pagesAsked).containsExactly(1, 2, 3);
        assertThat(pages.iterator().next().records()).extracting(OrderSummary::orderNo)
                .containsExactly("ORD-1", "ORD-2");
    }

    @Test
    void aFakeFulfilmentServiceGetsTheOneShipmentFormFromTheInterface() {
        FakeFulfilmentService fake = new FakeFulfilmentService();
        Shipment shipment = Shipment.of("ORD-1", "INV-1", "courier", "AWB-1");

        fake.ship(shipment);
        assertThat(fake.shipped).containsExactly(List.of(shipment));

        fake.outcomeUnknown = true;
        assertThatThrownBy(() -> fake.ship(shipment)).isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("connection dropped");
        assertThatThrownBy(() -> fake.ship((Shipment) null)).isInstanceOf(NullPointerException.class);
    }
}
