/**
 * Order notifications (Vinculum's "Seller Order Notification" webhooks) read as hints: a parser that trusts nothing
 * in the body but the order numbers it can carry. The state of an order always comes from the API.
 */
package io.github.babyshopsdk.sync.notify;
