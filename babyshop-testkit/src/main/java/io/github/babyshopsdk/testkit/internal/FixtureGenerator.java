package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.BackOrderItem;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimAddress;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimReturn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates realistic fixture data from a {@link Random}. The output depends only on the random's
 * seed and the arguments. Not thread-safe: callers serialise access (the store's lock does).
 */
public final class FixtureGenerator {

    private static final int[] STATUS_CODES = {1, 5, 8, 10, 15, 25};
    private static final int[] STATUS_WEIGHTS = {35, 33, 8, 8, 8, 8};
    private static final int[] RETURN_STATUSES = {5, 10, 15, 30, 35};

    private final Random random;

    /**
     * Uses the given random for every choice.
     *
     * @param random the source of randomness
     */
    public FixtureGenerator(Random random) {
        this.random = random;
    }

    /**
     * Generates the whole initial data set.
     *
     * @param fixture the recipe
     * @param anchor "now" of the generated data
     * @return the data
     */
    public FixtureData generate(Fixture fixture, Instant anchor) {
        Instant now = anchor.truncatedTo(ChronoUnit.SECONDS);
        List<SimProduct> products = new ArrayList<>();
        for (int i = 0; i < fixture.skus(); i++) {
            boolean invalid = random.nextDouble() < fixture.invalidVendorSkuShare();
            products.add(product(i + 1, now.minusSeconds(3600 + random.nextInt(60 * 86_400)), invalid));
        }
        List<SimOrder> orders = new ArrayList<>();
        List<IssuedInvoice> invoices = new ArrayList<>();
        List<SimReturn> returns = new ArrayList<>();
        for (int i = 1; i <= fixture.orders(); i++) {
            boolean jit = random.nextDouble() < fixture.jitShare();
            Instant orderDate = now.minusSeconds(3600 + random.nextInt(14 * 86_400));
            int status = pickStatus();
            long span = Duration.between(orderDate, now).getSeconds();
            Instant lastUpdate = status == 1
                    ? orderDate.plusSeconds(random.nextInt(1800))
                    : orderDate.plusSeconds(600 + (long) (random.nextDouble() * (span - 600)));
            SimOrder order = order(i, orderDate, lastUpdate, products).withJit(jit);
            if (status >= 10 && status != 8) {
                IssuedInvoice invoice = invoiceFor(order, Numbers.invoiceNo(invoices.size() + 1L), lastUpdate);
                invoices.add(invoice);
                order = applyInvoice(order, invoice);
            }
            order = applyStatus(order, status);
            orders.add(order);
            if (status == 25 && random.nextDouble() < 0.3) {
                returns.add(returnOf(order, returns.size() + 1L, now));
            }
        }
        List<BackOrderItem> backOrders = new ArrayList<>();
        for (SimProduct p : products) {
            if (backOrders.size() < 5 && p.hasValidVendorSkuCode()) {
                backOrders.add(new BackOrderItem("jit_01", p.sku(), BigDecimal.valueOf(1 + random.nextInt(10)),
                        p.baseCost(), p.vendorSkuCode()));
            }
        }
        return new FixtureData(products, orders, invoices, returns, backOrders);
    }

    /**
     * A new Pending, prepaid-or-COD order over existing SKUs, placed and last updated at {@code now}.
     *
     * @param seq order sequence number (gives the order numbers)
     * @param now placement time
     * @param products SKUs to choose from, not empty
     * @return the order
     */
    public SimOrder newOrder(long seq, Instant now, List<SimProduct> products) {
        if (products.isEmpty()) {
            throw new IllegalStateException("the store has no SKUs to order");
        }
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        return order(seq, t, t, products);
    }

    /**
     * A product; the index gives the SKU code.
     *
     * @param index 1-based index
     * @param lastUpdate last update
     * @param invalidVendorSku whether its vendor SKU code is blank or null
     * @return the product
     */
    public SimProduct product(int index, Instant lastUpdate, boolean invalidVendorSku) {
        Vocabulary.Category cat = pick(Vocabulary.CATEGORIES);
        String brand = pick(cat.brands());
        String variant = pick(cat.variants());
        String name = brand + " " + pick(cat.names()) + " " + variant;
        BigDecimal mrp = BigDecimal.valueOf(cat.minPrice() + random.nextInt(cat.maxPrice() - cat.minPrice() + 1))
                .add(pick(List.of(new BigDecimal("0.00"), new BigDecimal("0.50"), new BigDecimal("0.95"))));
        int discountPct = pick(List.of(0, 0, 0, 10, 20));
        BigDecimal sale = mrp.multiply(BigDecimal.valueOf(100 - discountPct))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal cost = sale.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP);
        String sku = String.format(Locale.ROOT, "BS-%s-%05d", cat.code(), index);
        String mfg = String.format(Locale.ROOT, "%s-%06d",
                brand.replaceAll("[^A-Za-z]", "").substring(0, 3).toUpperCase(Locale.ROOT), random.nextInt(1_000_000));
        String vendor = invalidVendorSku ? pick(java.util.Arrays.asList("", null, "   "))
                : String.format(Locale.ROOT, "V-%s-%04d", cat.code(), index);
        BigDecimal weight = BigDecimal.valueOf(1 + random.nextInt(120), 1).setScale(2, RoundingMode.UNNECESSARY);
        return new SimProduct(sku, vendor, mfg, name, brand, mrp, sale, cost, "1",
                lastUpdate.truncatedTo(ChronoUnit.SECONDS),
                "color".equals(cat.variantKind()) ? variant : null, "size".equals(cat.variantKind()) ? variant : null,
                weight, dim(), dim(), dim(), false);
    }

    private BigDecimal dim() {
        return BigDecimal.valueOf(5 + random.nextInt(80)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private SimOrder order(long seq, Instant orderDate, Instant lastUpdate, List<SimProduct> products) {
        boolean uae = random.nextDouble() < 0.6;
        Vocabulary.City city = pick(uae ? Vocabulary.UAE_CITIES : Vocabulary.KSA_CITIES);
        String first = pick(Vocabulary.FIRST_NAMES);
        String last = pick(Vocabulary.LAST_NAMES);
        String line1 = String.format(Locale.ROOT, pick(Vocabulary.STREET_KINDS), 1 + random.nextInt(120),
                1 + random.nextInt(40));
        String phone = uae ? "+9715" + pick(List.of("0", "2", "4", "5", "6", "8")) + digits(7) : "+9665" + digits(8);
        SimAddress address = new SimAddress(line1, pick(city.areas()), city.name(), city.state(), city.country(),
                pick(city.postalCodes()), phone);
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
                + random.nextInt(100) + "@example.com";
        int lineCount = Math.min(1 + random.nextInt(4), products.size());
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < lineCount) {
            picked.add(random.nextInt(products.size()));
        }
        boolean coupon = random.nextDouble() < 0.1;
        List<SimOrderLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        int lineNo = 1;
        for (int idx : picked) {
            SimProduct p = products.get(idx);
            int qty = pick(List.of(1, 1, 1, 2, 2, 3));
            BigDecimal gross = p.salePrice().multiply(BigDecimal.valueOf(qty));
            BigDecimal discount = coupon ? gross.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            subtotal = subtotal.add(gross).subtract(discount);
            lines.add(new SimOrderLine(lineNo++, p.sku(), p.skuName(), qty, 0, 0, 0, 0, p.salePrice(),
                    p.mrp().setScale(3, RoundingMode.HALF_UP), discount, OrderStatus.PENDING.code(), null, null,
                    null, null, null, null));
        }
        boolean cod = random.nextDouble() < 0.3;
        BigDecimal shipping = subtotal.compareTo(BigDecimal.valueOf(100)) < 0 ? new BigDecimal("15.00")
                : new BigDecimal("0.00");
        return new SimOrder(Numbers.orderNo(seq), Numbers.masterOrderNo(city.country(), seq),
                OrderStatus.PENDING.code(), random.nextDouble() < 0.05, false, orderDate, lastUpdate,
                first + " " + last, email, address, uae ? "AED" : "SAR", cod ? "2" : "1", shipping,
                cod ? new BigDecimal("10.00") : null, coupon ? "BABY10" : null, null, null, lines);
    }

    private IssuedInvoice invoiceFor(SimOrder order, String invoiceNo, Instant at) {
        String transporter = pick("SAU".equals(order.address().countryCode()) ? Vocabulary.KSA_TRANSPORTERS
                : Vocabulary.UAE_TRANSPORTERS);
        List<Integer> lineNos = order.lines().stream().map(SimOrderLine::lineNo).toList();
        return new IssuedInvoice(invoiceNo, order.orderNo(), lineNos, transporter, digits(11), null, null, null,
                null, null, at, false);
    }

    private static SimOrder applyInvoice(SimOrder order, IssuedInvoice inv) {
        List<SimOrderLine> lines = order.lines().stream()
                .map(l -> l.withInvoice(inv.invoiceNo(), Transporters.codeOf(inv.transporterName()),
                        inv.transporterName(), inv.trackingNo(), null))
                .toList();
        return order.withLines(lines);
    }

    private SimOrder applyStatus(SimOrder order, int status) {
        Instant confirm = order.orderDate().plusSeconds(60 + random.nextInt(540));
        if (confirm.isAfter(order.lastUpdate())) {
            confirm = order.lastUpdate();
        }
        List<SimOrderLine> lines = new ArrayList<>();
        for (SimOrderLine l : order.lines()) {
            int q = l.orderQty();
            SimOrderLine n = switch (status) {
                case 8 -> l.withQuantities(q, q, 0, 0, 0);
                case 15 -> l.withQuantities(q, 0, q, 0, 0);
                case 25 -> l.withQuantities(q, 0, q, q, 0);
                default -> l;
            };
            lines.add(n.withStatus(status).withConfirmDate(status == 1 ? null : confirm));
        }
        SimOrder result = order.withLines(lines).withStatus(status);
        return status == 8 ? result.withCancellation("Customer requested cancellation", "1") : result;
    }

    private SimReturn returnOf(SimOrder order, long seq, Instant now) {
        Instant date = order.lastUpdate().plusSeconds(86_400L + random.nextInt(2 * 86_400));
        if (date.isAfter(now)) {
            date = now;
        }
        int status = RETURN_STATUSES[random.nextInt(RETURN_STATUSES.length)];
        SimOrderLine line = order.lines().get(0);
        return new SimReturn(Numbers.internalReturnNo(seq), seq % 2 == 0 ? null : Numbers.returnNo(seq),
                order.orderNo(), status, "Delivered Return", date, status >= 10 ? date : null, null, date,
                status >= 30 ? digits(11) : null, status >= 30 ? "Aramex" : null, null,
                List.of(new SimReturn.Line(line.lineNo(), 1)));
    }

    private int pickStatus() {
        int roll = random.nextInt(100);
        int acc = 0;
        for (int i = 0; i < STATUS_CODES.length; i++) {
            acc += STATUS_WEIGHTS[i];
            if (roll < acc) {
                return STATUS_CODES[i];
            }
        }
        return STATUS_CODES[0];
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
