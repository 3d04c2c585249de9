package io.github.babyshopsdk.client.orders;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import java.util.Collection;

/**
 * Order and return operations: {@code orderList}, {@code orderListJIT}, {@code orderFetch},
 * {@code orderFetchJIT} and {@code orderReturn}. The client's implementation is obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#orders()}; it is thread-safe, every HTTP request it
 * sends takes one quota permit, and its failures are {@link io.github.babyshopsdk.client.error.BabyshopException}s
 * (a refused permit: {@link io.github.babyshopsdk.client.error.QuotaExceededException}). Hosts may implement
 * this interface themselves, e.g. as a fake in their own tests.
 *
 * <p>Fetch an order with the family it was listed with ({@code orderListJIT} then {@code orderFetchJIT}),
 * as the reference advises (Q41).
 */
public interface OrderService {

    /**
     * One page of {@code orderList}: one request for the page and limit the query names.
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the request fails
     */
    Page<OrderSummary> listPage(OrderListQuery query);

    /**
     * Every page of {@code orderList} from the query's page on, fetched lazily: nothing is sent until
     * iteration starts, then one request per page (see {@link Pages}).
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException from iteration, when a page's request fails
     */
    Pages<OrderSummary> list(OrderListQuery query);

    /**
     * One page of {@code orderListJIT} (JIT vendors; status filter 7 and/or 10, Q40); otherwise as
     * {@link #listPage}.
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the request fails
     */
    Page<OrderSummary> listJitPage(OrderListQuery query);

    /**
     * Every page of {@code orderListJIT}, fetched lazily; otherwise as {@link #list}.
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException from iteration, when a page's request fails
     */
    Pages<OrderSummary> listJit(OrderListQuery query);

    /**
     * Full orders by number ({@code orderFetch}): one request for 1 to {@link ChannelLimits#MAX_BATCH}
     * distinct numbers (duplicates are asked once), and one more page only while the answer is full and
     * some asked-for number has not come back (Q43): at most two requests. A page that adds no requested
     * number not seen before ends it (a server that keeps answering full pages of other orders cannot make
     * this page on). The API has no per-order error: numbers neither a record nor a failure of the answer
     * covers are listed in {@link Records#missing()}, in the order asked. A returned order answers both its
     * {@code orderNo} and its {@code masterOrderNo} (the reference says orderFetch takes master order numbers,
     * while orderList gives order numbers: Q42), so a number asked in either form is not missing when its
     * order came back.
     *
     * @param orderNos 1 to {@link ChannelLimits#MAX_BATCH} distinct order numbers
     * @throws NullPointerException if {@code orderNos} is null
     * @throws IllegalArgumentException if {@code orderNos} is empty, names more than
     *     {@link ChannelLimits#MAX_BATCH} distinct numbers, or a number is null or blank (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when a request fails
     */
    Records<Order> fetch(Collection<String> orderNos);

    /**
     * {@link #fetch} through {@code orderFetchJIT}; the same rules and exceptions.
     *
     * @throws NullPointerException if {@code orderNos} is null
     * @throws IllegalArgumentException as {@link #fetch} (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when a request fails
     */
    Records<Order> fetchJit(Collection<String> orderNos);

    /**
     * One page of {@code orderReturn}: one request for the page and limit the query names.
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the request fails
     */
    Page<ReturnOrder> returnsPage(ReturnQuery query);

    /**
     * Every page of {@code orderReturn} from the query's page on, fetched lazily: nothing is sent until
     * iteration starts, then one request per page (see {@link Pages}).
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException from iteration, when a page's request fails
     */
    Pages<ReturnOrder> returns(ReturnQuery query);
}
