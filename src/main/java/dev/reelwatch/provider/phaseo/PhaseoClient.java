package dev.reelwatch.provider.phaseo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpErrors;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.PageConsumer;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.RequestContext;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.provider.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Speaks to one Phaseo account: lists its videos newest first ({@code limit}, repeated {@code status}, and the
 * {@code after=<last_id>} cursor), fetches one video, maps both to unified tasks, and hands out the key only
 * for outputs on Phaseo's own host. Today Phaseo answers 501 on every video route: that surfaces as
 * {@code PROVIDER_DISABLED}.
 */
public final class PhaseoClient implements ProviderClient {
    static final String LIST_PATH = "/v1/videos";
    static final int MAX_LIMIT = 200;
    private static final int MAX_PAGES = 10_000;

    private final Account account;
    private final String apiKey;
    private final HttpTransport transport;
    private final RequestContext ctx;
    private final PhaseoTaskMapper mapper;

    public PhaseoClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = Objects.requireNonNull(account, "account");
        this.apiKey = apiKeyOrNull == null || apiKeyOrNull.isBlank() ? null : apiKeyOrNull.strip();
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ctx = RequestContext.of(account);
        this.mapper = new PhaseoTaskMapper(account.baseUrl());
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public boolean listReportsLiveStatus() {
        return true;
    }

    @Override
    public ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int pageNumber = 0;
        int listed = 0;
        String after = null;
        boolean reachedEnd = false;
        while (pageNumber < MAX_PAGES) {
            HttpTransport.JsonResponse response;
            try {
                response = transport.getJson(ctx, listUri(query, after), headers());
            } catch (ProviderException e) {
                if (after == null || !cursorRejected(e)) {
                    throw e;
                }
                // The cursor parameter is our inference (README): if Phaseo will not page, keep what we have.
                problems.add("Phaseo would not give the page after " + after + " (" + e.kind().title()
                        + ", HTTP " + e.httpStatus() + "); the listing is incomplete.");
                break;
            }
            JsonNode body = response.body();
            JsonNode data = body == null ? null : body.get("data");
            if (body == null || !body.isObject() || data == null || !data.isArray()) {
                if (after != null) {
                    problems.add("Phaseo sent a page without a \"data\" array after " + after
                            + "; the listing is incomplete.");
                    break;
                }
                throw HttpErrors.badResponse(ctx, response.status(), "the video list has no \"data\" array.", null);
            }
            pageNumber++;
            List<Task> tasks = new ArrayList<>();
            List<String> pageProblems = new ArrayList<>();
            String lastItemId = null;
            int position = 0;
            for (JsonNode item : data) {
                String where = "page " + pageNumber + ", item " + (position++ + 1);
                if (!item.isObject()) {
                    pageProblems.add("Phaseo sent a list item that is not an object (" + where + "); skipped.");
                    continue;
                }
                var id = mapper.idOf(item);
                if (id.isEmpty()) {
                    pageProblems.add("Phaseo sent a video without an id (" + where + "); skipped.");
                    continue;
                }
                lastItemId = id.get();
                if (!seen.add(id.get())) {
                    pageProblems.add("Phaseo listed video " + id.get() + " twice (" + where + "); kept the first.");
                    continue;
                }
                tasks.add(mapper.toTask(item, item.toString()).withAccountId(account.id()));
            }
            listed += tasks.size();
            problems.addAll(pageProblems);
            pages.accept(new TaskPage(pageNumber, tasks, pageProblems));

            if (!Boolean.TRUE.equals(Json.bool(body, "has_more"))) {
                reachedEnd = true;
                break;
            }
            String lastId = Json.text(body, "last_id");
            String next = lastId == null || lastId.isBlank() ? lastItemId : lastId.strip();
            if (next == null) {
                problems.add("Phaseo said more videos follow but gave no id to continue from; the listing is incomplete.");
                break;
            }
            if (tasks.isEmpty() || next.equals(after)) {
                // A server that ignores the cursor sends the same page again: stop rather than loop.
                problems.add("Phaseo sent no new videos after " + after + "; the listing is incomplete.");
                break;
            }
            after = next;
        }
        if (!reachedEnd && pageNumber >= MAX_PAGES) {
            problems.add("Phaseo kept sending pages; stopped after " + MAX_PAGES + ".");
        }
        return new ListOutcome(listed, pageNumber, reachedEnd && query.isUnfiltered(), problems);
    }

    /** A 4xx (or unreadable answer) on a follow-up page means Phaseo does not take our cursor. */
    private static boolean cursorRejected(ProviderException e) {
        return switch (e.kind()) {
            case VALIDATION, NOT_FOUND, BAD_RESPONSE -> true;
            default -> false;
        };
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        Objects.requireNonNull(providerTaskId, "providerTaskId");
        HttpTransport.JsonResponse response = transport.getJson(ctx,
                endpoint(LIST_PATH + "/" + pathSegment(providerTaskId), List.of()), headers());
        JsonNode body = response.body();
        if (body == null || !body.isObject() || (mapper.idOf(body).isEmpty() && !body.has("status"))) {
            throw HttpErrors.badResponse(ctx, response.status(), "the video is not a JSON object with an id.", null);
        }
        JsonNode item = body;
        if (mapper.idOf(body).isEmpty()) {
            item = body.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) item).put("id", providerTaskId);
        }
        return mapper.toTask(item, response.rawText()).withAccountId(account.id());
    }

    /** The Bearer key, only for outputs that need it and only when they live on the account's own host and port. */
    @Override
    public Map<String, String> downloadHeaders(TaskOutput output) {
        if (apiKey == null || output == null || !output.requiresAuth()) {
            return Map.of();
        }
        try {
            URI target = URI.create(output.url());
            return sameOrigin(account.baseUrl(), target) ? Map.of("Authorization", "Bearer " + apiKey) : Map.of();
        } catch (IllegalArgumentException notAUrl) {
            return Map.of();
        }
    }

    static boolean sameOrigin(URI base, URI target) {
        if (base.getHost() == null || target.getHost() == null || target.getScheme() == null) {
            return false;
        }
        return base.getHost().equalsIgnoreCase(target.getHost()) && port(base) == port(target)
                && base.getScheme().equalsIgnoreCase(target.getScheme());
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private URI listUri(ListQuery query, String after) {
        List<String[]> params = new ArrayList<>();
        params.add(new String[]{"limit", String.valueOf(Math.max(1, Math.min(MAX_LIMIT, query.pageSize())))});
        for (String status : new TreeSet<>(query.statuses().stream().map(PhaseoClient::wireStatus).toList())) {
            params.add(new String[]{"status", status});
        }
        if (after != null) {
            params.add(new String[]{"after", after});
        }
        return endpoint(LIST_PATH, params);
    }

    /** The current docs' names for each unified status. */
    static String wireStatus(TaskStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case RUNNING -> "in_progress";
            case SUCCEEDED -> "completed";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Appends an API path to the account's base URL, which may carry a path prefix (reverse proxy). */
    private URI endpoint(String path, List<String[]> params) {
        String base = account.baseUrl().toString();
        int query = base.indexOf('?');
        if (query >= 0) {
            base = base.substring(0, query);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder url = new StringBuilder(base).append(path);
        char sep = '?';
        for (String[] p : params) {
            url.append(sep).append(encode(p[0])).append('=').append(encode(p[1]));
            sep = '&';
        }
        return URI.create(url.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Map<String, String> headers() {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public String toString() {
        return "PhaseoClient[" + account.name() + " @ " + account.baseUrl() + "]";
    }
}
