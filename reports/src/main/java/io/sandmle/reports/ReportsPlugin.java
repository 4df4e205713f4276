package io.sandmle.reports;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/** Registers the {@code standard} report writer (HTML + PDF + SVG figures). */
public final class ReportsPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.REPORT_WRITER, "standard", StandardReportWriter.class);
    }
}
