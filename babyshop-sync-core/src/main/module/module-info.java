/**
 * The sync engine: {@code SyncEngine} and its options, the host and storage SPIs ({@code spi},
 * {@code state}), the channel gateway over the client ({@code channel}), in-memory state
 * ({@code memory}), schedulers ({@code schedule}), configuration values ({@code config}), host value types
 * ({@code host}) and the order-notification parser ({@code notify}). The flows themselves are in the
 * unexported {@code internal} package. Nothing is opened.
 */
module io.github.babyshopsdk.sync {
    requires transitive io.github.babyshopsdk.client;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static org.immutables.value;

    exports io.github.babyshopsdk.sync;
    exports io.github.babyshopsdk.sync.channel;
    exports io.github.babyshopsdk.sync.config;
    exports io.github.babyshopsdk.sync.host;
    exports io.github.babyshopsdk.sync.memory;
    exports io.github.babyshopsdk.sync.notify;
    exports io.github.babyshopsdk.sync.schedule;
    exports io.github.babyshopsdk.sync.spi;
    exports io.github.babyshopsdk.sync.state;
}
