package io.sandmle.cli;

import io.sandmle.api.ExtensionKind;
import io.sandmle.runner.plugins.Extension;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandmle plugins}: every extension by kind, with the plugin and jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every scaffold, generator, trainer, suite, metric, executor, reward and policy, "
                + "with the jar each came from.")
public final class PluginsCommand implements Callable<Integer> {

    @Mixin
    PluginPathOption pluginPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Extension> all = pluginPath.load().list();
        for (ExtensionKind<?> kind : ExtensionKind.all()) {
            List<Extension> ofKind = all.stream().filter(e -> e.kind().equals(kind)).toList();
            out.printf("%s (%d)%n", kind.id(), ofKind.size());
            for (Extension e : ofKind) {
                out.printf("  %-22s %-40s %s%n", e.name(), e.implementationName(), e.source());
            }
        }
        return SandmleCommand.OK;
    }
}
