package dev.reelwatch.provider.hedra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.ApiBase;
import dev.reelwatch.provider.AccountApi;
import dev.reelwatch.provider.ApiKey;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.PageCollector;
import dev.reelwatch.provider.PageCollector.ItemWords;
import dev.reelwatch.provider.PageConsumer;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final Account account;
    private final AccountApi api;
    private final HedraTaskMapper mapper = new HedraTaskMapper();

    public HedraClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = account;
        this.api = new AccountApi(account, ApiKey.inHeader("X-API-Key", apiKeyOrNull), transport);
    }

    @Override
    public Account account() {
        return account;
    }

    /** Lists video generations only ({@code type=video}); status and model filters are applied here. */
    @Override
    public ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException {
        PageCollector listing = new PageCollector(ItemWords.of(ProviderKind.HEDRA, "generation"), pages);
        int offset = 0;
        boolean reachedEnd = false;
        while (listing.mayReadAnotherPage()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("type", "video");
            if (query.createdAfter() != null) {
                params.put("created_after", DateTimeFormatter.ISO_INSTANT.format(query.createdAfter()));
            }
            params.put("limit", String.valueOf(query.pageSize()));
            params.put("offset", String.valueOf(offset));
            HttpTransport.JsonResponse response = api.get(api.uri(GENERATIONS, params.entrySet()));
            JsonNode data = pageData(response);
            Integer serverLimit = Json.intValue(response.body().get("page_info"), "limit");
            // A server that caps the limit says so in page_info; a page is "short" against that cap.
            int limit = serverLimit != null && serverLimit > 0 ? Math.min(serverLimit, query.pageSize()) : query.pageSize();

            PageCollector.Page page = listing.nextPage();
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                String id = item.isObject() ? HedraTaskMapper.id(item) : null;
                page.offer(i + 1, item, id, n -> mapper.mapGeneration(n, n.toString()).withAccountId(account.id()),
                        query::wantsStatusAndModelOf);
            }
            page.deliver();
            offset += data.size();
            if (data.size() < limit) {
                reachedEnd = true;
                break;
            }
        }
        return listing.outcome(reachedEnd && query.isUnfiltered());
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        HttpTransport.JsonResponse statusAnswer = api.get(api.uri(GENERATIONS + "/" + ApiBase.segment(providerTaskId) + "/status"));
        if (!statusAnswer.body().isObject()) {
            throw api.badResponse(statusAnswer, "the status answer is not a JSON object");
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
        HttpTransport.JsonResponse response = api.get(api.uri(GENERATIONS, params.entrySet()));
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
            throw api.badResponse(response, "the answer has no data list");
        }
        return data;
    }
}
