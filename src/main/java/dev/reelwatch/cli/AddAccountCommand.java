package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.store.PlainHttpConsent;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code reelwatch accounts add}: saves an account and, with {@code --api-key-stdin}, its key in the owner-only
 * credentials file. The account is saved first so a refused name never touches the credentials file.
 */
@Command(name = "add", description = "Add a provider account to watch.", sortOptions = false)
final class AddAccountCommand implements Callable<Integer> {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", required = true, paramLabel = "PROVIDER",
            converter = ProviderKindConverter.class, completionCandidates = ProviderKindConverter.Names.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    private ProviderKind provider;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A name for the account, unique in Reelwatch (not case-sensitive).")
    private String name;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The API's address, may include a path prefix (default: the provider's own).")
    private String baseUrl;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private KeySource key;

    @Option(names = "--allow-http",
            description = "Allow plain http:// to a server on another machine (your own server on a trusted"
                    + " network): the API key and videos then travel unencrypted.")
    private boolean allowHttp;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    AddAccountCommand(CliContext context) {
        this.context = context;
    }

    /** Where the key comes from: one or the other, or neither. */
    static final class KeySource {
        @Option(names = "--api-key-env", paramLabel = "VAR",
                description = "Read the key from this environment variable whenever Reelwatch syncs.")
        String environmentVariable;

        @Option(names = "--api-key-stdin",
                description = "Read the key (one line) from standard input and keep it in the owner-only "
                        + "credentials file.")
        boolean fromStdin;
    }

    @Override
    public Integer call() {
        String accountName = validName();
        URI url = baseUrl == null ? provider.defaultBaseUrl() : validBaseUrl(baseUrl);
        boolean plainHttp = TransportSecurity.needsPlainHttpConsent(url);
        if (plainHttp && !allowHttp) {
            throw usage(url + " uses plain HTTP to another machine, which would send the API key unencrypted."
                    + " Use https://, or add --allow-http if this is your own server on a trusted network.");
        }
        CredentialRef credential = CredentialRef.none();
        String apiKey = null;
        if (key != null && key.environmentVariable != null) {
            credential = CredentialRef.environment(validVariable(key.environmentVariable));
        } else if (key != null && key.fromStdin) {
            apiKey = readKey();
            credential = CredentialRef.credentialsFile(accountName);
        }

        CliServices services = context.services();
        services.accounts().byName(accountName).ifPresent(existing -> {
            throw new CliFailure("An account named '" + existing.name() + "' exists already; choose another name"
                    + " or remove it first with `reelwatch accounts remove " + existing.name() + "`.");
        });
        // Consent first: it is kept by name, so the accounts backup written on add already carries it.
        PlainHttpConsent consent = new PlainHttpConsent(services.settings());
        consent.set(accountName, plainHttp);
        Account saved;
        try {
            saved = services.accounts().add(new Account(0, provider, accountName, url, credential, true, false));
        } catch (RuntimeException e) {
            consent.set(accountName, false);
            throw e;
        }
        if (apiKey != null) {
            try {
                services.credentials().put(credential.name(), apiKey);
            } catch (RuntimeException e) {
                // No account without the key the user meant to give it.
                services.accounts().remove(saved.id());
                throw e;
            }
        }

        context.out().println("Added account '" + saved.name() + "' (" + provider.displayName() + ", " + url
                + ", key: " + describe(credential) + ").");
        if (plainHttp) {
            context.err().println("Warning: '" + saved.name() + "' uses plain HTTP (" + url + "): its API key and"
                    + " videos travel unencrypted. Only do this for your own server on a trusted network.");
        }
        if (provider.needsApiKey() && credential.source() == CredentialRef.Source.NONE) {
            context.err().println("Warning: " + provider.displayName() + " needs an API key, so syncing '"
                    + saved.name() + "' will fail until one is given. Remove the account and add it again with"
                    + " --api-key-stdin or --api-key-env VAR.");
        }
        return CommandLine.ExitCode.OK;
    }

    private String validName() {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw usage("The account name must not be empty or contain control characters.");
        }
        return trimmed;
    }

    private URI validBaseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw usage("'" + text + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()) {
            throw usage("--base-url must be an absolute http:// or https:// URL with a host, like "
                    + provider.defaultBaseUrl() + " (got '" + text + "').");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw usage("--base-url must not carry a query or fragment (got '" + text + "').");
        }
        // A trailing slash would double up when the clients append their paths.
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        return URI.create(scheme + "://" + userInfo + uri.getHost() + port + path);
    }

    private String validVariable(String variable) {
        if (!ENV_NAME.matcher(variable).matches()) {
            throw usage("--api-key-env wants the name of an environment variable, like MESHAPI_KEY (got '"
                    + variable + "').");
        }
        return variable;
    }

    private String readKey() {
        String line;
        try {
            // Not closed: standard input belongs to the caller.
            line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the API key from standard input", e);
        }
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty()) {
            throw new CliFailure("No API key on standard input: --api-key-stdin reads one line, and it was empty."
                    + " Nothing was saved.");
        }
        return trimmed;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static String describe(CredentialRef credential) {
        return switch (credential.source()) {
            case CREDENTIALS_FILE -> "file";
            case ENVIRONMENT -> "env:" + credential.name();
            case NONE -> "none";
        };
    }
}
