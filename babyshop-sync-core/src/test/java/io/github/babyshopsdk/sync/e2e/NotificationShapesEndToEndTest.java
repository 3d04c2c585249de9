package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.notify.NotificationParser;
import io.github.babyshopsdk.sync.notify.ParsedNotification;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.NotificationRecord;
import io.github.babyshopsdk.testkit.NotificationShape;
import io.github.babyshopsdk.testkit.OrderNotifications;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every body shape the simulator's order notifications come in is read by {@link NotificationParser#standard()}:
 * the order number (and the master order number, when the body has one) and nothing else.
 */
class NotificationShapesEndToEndTest {

    @Test
    void theParserReadsTheOrderNumbersOfEveryShapeTheSimulatorSends() {
        NotificationParser parser = NotificationParser.standard();
        List<ParsedNotification> parsed = new CopyOnWriteArrayList<>();
        OrderNotifications config = OrderNotifications.builder().seed(5).sink((body, type) -> {
            parsed.add(parser.parse(body, Optional.of(type)));
            return 200;
        }).build();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(5, 0, 10))
                .orderNotifications(config).build()) {
            for (int i = 0; i < 30; i++) {
                SimOrder o = sim.store().generateOrder();
                sim.store().setOrderStatus(o.orderNo(), OrderStatus.CONFIRMED.code());
            }
            sim.notifications().deliverDue();

            List<NotificationRecord> log = sim.notifications().log();
            assertThat(log).hasSize(60).extracting(NotificationRecord::shape)
                    .containsAll(EnumSet.allOf(NotificationShape.class));
            assertThat(parsed).hasSameSizeAs(log);
            for (int i = 0; i < log.size(); i++) {
                NotificationRecord r = log.get(i);
                List<String> expected = r.shape() == NotificationShape.ORDER_NO ? List.of(r.orderNo())
                        : List.of(r.orderNo(), r.masterOrderNo());
                assertThat(parsed.get(i).orderNumbers()).as("%s body %s", r.shape(), r.body())
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(parsed.get(i).invalidValues()).isZero();
            }
        }
    }
}
