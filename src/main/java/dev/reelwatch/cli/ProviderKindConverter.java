package dev.reelwatch.cli;

import dev.reelwatch.core.ProviderKind;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

/** Reads {@code --provider} by the providers' CLI names, case-insensitively. */
final class ProviderKindConverter implements CommandLine.ITypeConverter<ProviderKind> {

    @Override
    public ProviderKind convert(String value) {
        return ProviderKind.fromCliName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown provider '" + value + "'; valid providers: " + String.join(", ", names())));
    }

    static Iterable<String> names() {
        return Arrays.stream(ProviderKind.values()).map(ProviderKind::cliName).collect(Collectors.toList());
    }

    /** Lets the help text list the providers. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
