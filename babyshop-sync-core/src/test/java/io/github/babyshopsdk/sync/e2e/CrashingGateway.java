package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.spi.ChannelGateway;

/** The channel of a process that may die: a dead process (see {@link CrashSwitch}) sends nothing more. */
final class CrashingGateway extends ForwardingGateway {
    private final CrashSwitch crash;

    CrashingGateway(ChannelGateway delegate, CrashSwitch crash) {
        super(delegate);
        this.crash = crash;
    }

    @Override
    protected void before(String method) {
        crash.alive();
    }
}
