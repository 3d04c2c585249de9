package io.github.babyshopsdk.examples.bridge;

/**
 * The notification receiver the bridge runs beside its schedule ({@code --listen}).
 *
 * @param address where it listens
 * @param tokenEnv the environment variable the token came from (named in messages; the token never is)
 * @param token the token's check (its digest only)
 * @param limits its limits
 */
record ListenOptions(ListenAddress address, String tokenEnv, TokenCheck token, ReceiverLimits limits) {

    /** The address and the variable's name; never the token. */
    @Override
    public String toString() {
        return "listen " + SafeText.of(address.host()) + ":" + address.port() + ", token from $" + SafeText.of(tokenEnv)
                + ", " + limits.perSecond() + "/s burst " + limits.burst();
    }
}
