package io.sandmle.executors.gpu;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import java.util.OptionalDouble;

/** A sandbox that holds GPUs: steps run in it as in {@code inner}; closing it returns the GPUs after the steps are gone. */
public final class GpuSandbox implements Sandbox {

    private final Sandbox inner;
    private final GpuLease lease;

    public GpuSandbox(Sandbox inner, GpuLease lease) {
        this.inner = inner;
        this.lease = lease;
    }

    @Override
    public ExecResult run(String code) throws SandboxException {
        return inner.run(code);
    }

    @Override
    public OptionalDouble gpuSeconds() {
        return OptionalDouble.of(lease.gpuSeconds());
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            lease.close();
        }
    }
}
