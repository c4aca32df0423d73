package dev.reelwatch.provider.hedra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.Task;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Talks to Hedra's public API with the {@code X-API-Key} header: lists video generations with
 * {@code limit}/{@code offset} paging (FastAPI's flattening of {@code paging_params}) until a page comes back
 * shorter than the limit, and fetches one generation.
 *
 * <p>{@link #fetchTask} asks {@code /generations/{id}/status} (fresh status, progress, error, URL) and then the
 * list with {@code ids=<id>} for the full generation (prompt, model, settings, cost), and combines both, so
 * a refreshed task never loses its prompt in the cache. When the list cannot give the generation (404/422,
 * or it is absent), the status answer alone is returned; other failures of either call are raised.
 */
public final class HedraClient implements ProviderClient {
    private static final String GENERATIONS = "/web-app/public/generations";
    /** Guards against a server that never sends a short page. */
    private static final int MAX_PAGES = 10_000;

    private final Account account;
    private final String apiKey;
    private final HttpTransport transport;
    private final RequestContext ctx;
    private final String base;
    private final HedraTaskMapper mapper = new HedraTaskMapper();

    public HedraClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = account;
        this.apiKey = apiKeyOrNull == null || apiKeyOrNull.isBlank() ? null : apiKeyOrNull.strip();
        this.transport = transport;
        this.ctx = RequestContext.of(account);
        String b = account.baseUrl().toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = b;
    }

    @Override
    public Account account() {
        return account;
    }

    /** Lists video generations only ({@code type=video}); status and model filters are applied here. */
    @Override
    public ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException {
        Set<String> seen = new HashSet<>();
        List<String> allProblems = new ArrayList<>();
        int listed = 0;
        int offset = 0;
        int pageNumber = 0;
        boolean reachedEnd = false;
        while (pageNumber < MAX_PAGES) {
            pageNumber++;
            Map<String, String> params = new LinkedHashMap<>();
            params.put("type", "video");
            if (query.createdAfter() != null) {
                params.put("created_after", DateTimeFormatter.ISO_INSTANT.format(query.createdAfter()));
            }
            params.put("limit", String.valueOf(query.pageSize()));
            params.put("offset", String.valueOf(offset));
            HttpTransport.JsonResponse response = transport.getJson(ctx, uri(GENERATIONS, params), headers());
            JsonNode data = pageData(response);
            Integer serverLimit = Json.intValue(response.body().get("page_info"), "limit");
            // A server that caps the limit says so in page_info; a page is "short" against that cap.
            int limit = serverLimit != null && serverLimit > 0 ? Math.min(serverLimit, query.pageSize()) : query.pageSize();

            List<Task> tasks = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                String where = "item " + (i + 1) + " on page " + pageNumber;
                String id = item.isObject() ? HedraTaskMapper.id(item) : null;
                if (id == null) {
                    problems.add("Hedra sent " + where + " without an id; skipped.");
                    continue;
                }
                if (!seen.add(id)) {
                    problems.add("Hedra listed generation " + id + " twice (again as " + where
                            + "); the repeat was skipped.");
                    continue;
                }
                try {
                    Task task = mapper.mapGeneration(item, item.toString()).withAccountId(account.id());
                    if (matches(query, task)) {
                        tasks.add(task);
                    }
                } catch (RuntimeException e) {
                    problems.add("Hedra generation " + id + " could not be read (" + e.getMessage() + "); skipped.");
                }
            }
            listed += tasks.size();
            allProblems.addAll(problems);
            pages.accept(new TaskPage(pageNumber, tasks, problems));
            offset += data.size();
            if (data.size() < limit) {
                reachedEnd = true;
                break;
            }
        }
        if (!reachedEnd) {
            allProblems.add("Stopped listing Hedra after " + MAX_PAGES + " pages.");
        }
        return new ListOutcome(listed, pageNumber, reachedEnd && query.isUnfiltered(), allProblems);
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        HttpTransport.JsonResponse statusAnswer = transport.getJson(ctx,
                uri(GENERATIONS + "/" + encode(providerTaskId) + "/status", Map.of()), headers());
        if (!statusAnswer.body().isObject()) {
            throw HttpErrors.badResponse(ctx, statusAnswer.status(), "the status answer is not a JSON object", null);
        }
        Task status = mapper.mapStatus(statusAnswer.body(), providerTaskId, statusAnswer.rawText())
                .withAccountId(account.id());
        JsonNode generation;
        try {
            generation = findGeneration(providerTaskId);
        } catch (ProviderException e) {
            if (e.kind() == ProviderErrorKind.VALIDATION || e.kind() == ProviderErrorKind.NOT_FOUND) {
                return status;
            }
            throw e;
        }
        if (generation == null) {
            return status;
        }
        Task full = mapper.mapGeneration(generation, generation.toString()).withAccountId(account.id());
        return HedraTaskMapper.combine(full, status);
    }

    @Override
    public boolean listReportsLiveStatus() {
        return true;
    }

    private JsonNode findGeneration(String id) throws ProviderException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ids", id);
        HttpTransport.JsonResponse response = transport.getJson(ctx, uri(GENERATIONS, params), headers());
        for (JsonNode item : pageData(response)) {
            if (item.isObject() && id.equals(HedraTaskMapper.id(item))) {
                return item;
            }
        }
        return null;
    }

    private JsonNode pageData(HttpTransport.JsonResponse response) throws ProviderException {
        JsonNode data = response.body().get("data");
        if (data == null || !data.isArray()) {
            throw HttpErrors.badResponse(ctx, response.status(), "the answer has no data list", null);
        }
        return data;
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + q);
    }

    private Map<String, String> headers() {
        return apiKey == null ? Map.of() : Map.of("X-API-Key", apiKey);
    }

    private static boolean matches(ListQuery query, Task task) {
        if (!query.statuses().isEmpty() && !query.statuses().contains(task.status())) {
            return false;
        }
        return query.models().isEmpty() || (task.model() != null && query.models().contains(task.model()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
