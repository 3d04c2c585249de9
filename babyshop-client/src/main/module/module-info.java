/**
 * The typed client for Vinculum's SellerPanel V3 API as Babyshop sellers use it: {@code BabyshopClient}
 * and its services, the value types of requests and answers, the typed errors, the quota budget and the
 * retry policy.
 *
 * <p>Only the API packages are exported; {@code internal} packages (the Retrofit interface, the wire
 * codec, the call executor) are not, and may change in any release. Nothing is opened: the client reads
 * and writes JSON trees and uses no reflection on its own types.
 */
module io.github.babyshopsdk.client {
    requires com.fasterxml.jackson.databind;
    requires transitive okhttp3; // BabyshopClient.Builder#okHttpClient takes an OkHttpClient
    requires okio;
    requires retrofit2;
    requires retrofit2.converter.jackson;
    requires org.slf4j;
    requires static org.immutables.value;

    exports io.github.babyshopsdk.client;
    exports io.github.babyshopsdk.client.auth;
    exports io.github.babyshopsdk.client.catalog;
    exports io.github.babyshopsdk.client.error;
    exports io.github.babyshopsdk.client.fulfilment;
    exports io.github.babyshopsdk.client.model;
    exports io.github.babyshopsdk.client.orders;
    exports io.github.babyshopsdk.client.quota;
    exports io.github.babyshopsdk.client.retry;
}
