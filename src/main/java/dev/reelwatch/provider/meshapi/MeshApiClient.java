package dev.reelwatch.provider.meshapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpErrors;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.PageConsumer;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.RequestContext;
import dev.reelwatch.provider.TaskPage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Speaks to one MeshAPI account: lists its video tasks page by page (offset/limit), fetches one task (the
 * call that makes MeshAPI refresh a running task from BytePlus) and maps both to unified tasks.
 */
public final class MeshApiClient implements ProviderClient {
    static final String LIST_PATH = "/v1/video/generations";
    /** Stops a server that keeps promising more from paging forever. */
    private static final int MAX_PAGES = 10_000;

    private final Account account;
    private final String apiKey;
    private final HttpTransport transport;
    private final RequestContext ctx;
    private final MeshApiTaskMapper mapper = new MeshApiTaskMapper();

    public MeshApiClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = Objects.requireNonNull(account, "account");
        this.apiKey = apiKeyOrNull == null || apiKeyOrNull.isBlank() ? null : apiKeyOrNull.strip();
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ctx = RequestContext.of(account);
    }

    @Override
    public Account account() {
        return account;
    }

    /** MeshAPI's list reads its DB only; running tasks move forward only through {@link #fetchTask}. */
    @Override
    public boolean listReportsLiveStatus() {
        return false;
    }

    @Override
    public ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int offset = 0;
        int pageNumber = 0;
        int listed = 0;
        long total = -1;
        boolean reachedEnd = false;
        while (pageNumber < MAX_PAGES) {
            HttpTransport.JsonResponse response = transport.getJson(ctx, listUri(query, offset), headers());
            JsonNode body = response.body();
            JsonNode data = body == null ? null : body.get("data");
            if (body == null || !body.isObject() || data == null || !data.isArray()) {
                throw HttpErrors.badResponse(ctx, response.status(),
                        "the task list has no \"data\" array (offset " + offset + ").", null);
            }
            pageNumber++;
            List<Task> tasks = new ArrayList<>();
            List<String> pageProblems = new ArrayList<>();
            int position = 0;
            for (JsonNode item : data) {
                String where = "page " + pageNumber + ", item " + (position++ + 1);
                if (!item.isObject()) {
                    pageProblems.add("MeshAPI sent a list item that is not an object (" + where + "); skipped.");
                    continue;
                }
                var id = mapper.idOf(item);
                if (id.isEmpty()) {
                    pageProblems.add("MeshAPI sent a task without an id (" + where + "); skipped.");
                    continue;
                }
                if (!seen.add(id.get())) {
                    pageProblems.add("MeshAPI listed task " + id.get() + " twice (" + where + "); kept the first.");
                    continue;
                }
                tasks.add(mapper.toTask(item, item.toString()).withAccountId(account.id()));
            }
            listed += tasks.size();
            problems.addAll(pageProblems);
            pages.accept(new TaskPage(pageNumber, tasks, pageProblems));

            Long totalValue = Json.longValue(body, "total");
            total = totalValue == null ? total : totalValue;
            offset += data.size();
            Boolean hasMore = Json.bool(body, "has_more");
            boolean more = hasMore != null ? hasMore : total >= 0 && offset < total;
            if (!more) {
                reachedEnd = true;
                break;
            }
            if (data.isEmpty()) {
                problems.add("MeshAPI said more tasks follow but sent an empty page at offset " + offset
                        + "; stopped there.");
                break;
            }
        }
        if (!reachedEnd && pageNumber >= MAX_PAGES) {
            problems.add("MeshAPI kept sending pages; stopped after " + MAX_PAGES + ".");
        }
        boolean complete = reachedEnd && query.isUnfiltered();
        if (complete && total >= 0 && seen.size() < total) {
            // Tasks were deleted or shifted while paging: absence from this listing proves nothing.
            problems.add("MeshAPI reported " + total + " tasks but listed " + seen.size() + ".");
            complete = false;
        }
        return new ListOutcome(listed, pageNumber, complete, problems);
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        Objects.requireNonNull(providerTaskId, "providerTaskId");
        HttpTransport.JsonResponse response = transport.getJson(ctx,
                endpoint(LIST_PATH + "/" + pathSegment(providerTaskId), List.of()), headers());
        JsonNode body = response.body();
        if (body == null || !body.isObject()) {
            throw HttpErrors.badResponse(ctx, response.status(), "the task is not a JSON object.", null);
        }
        if (mapper.idOf(body).isEmpty() && !body.has("status")) {
            throw HttpErrors.badResponse(ctx, response.status(), "the answer has neither an id nor a status.", null);
        }
        JsonNode item = body;
        if (mapper.idOf(body).isEmpty()) {
            item = body.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) item).put("id", providerTaskId);
        }
        return mapper.toTask(item, response.rawText()).withAccountId(account.id());
    }

    private URI listUri(ListQuery query, int offset) {
        List<String[]> params = new ArrayList<>();
        // Sorted so the same query always makes the same URL.
        for (String status : new TreeSet<>(query.statuses().stream().map(TaskStatus::wireName).toList())) {
            params.add(new String[]{"status", status});
        }
        for (String model : new TreeSet<>(query.models())) {
            params.add(new String[]{"model", model});
        }
        if (query.createdAfter() != null) {
            params.add(new String[]{"created_after", DateTimeFormatter.ISO_INSTANT.format(query.createdAfter())});
        }
        params.add(new String[]{"limit", String.valueOf(query.pageSize())});
        params.add(new String[]{"offset", String.valueOf(offset)});
        return endpoint(LIST_PATH, params);
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
        return "MeshApiClient[" + account.name() + " @ " + account.baseUrl() + "]";
    }
}
