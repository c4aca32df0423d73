package dev.reelwatch.provider.meshapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
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

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Speaks to one MeshAPI account: lists its video tasks page by page (offset/limit), fetches one task (the
 * call that makes MeshAPI refresh a running task from BytePlus) and maps both to unified tasks.
 */
public final class MeshApiClient implements ProviderClient {
    static final String LIST_PATH = "/v1/video/generations";

    private final Account account;
    private final AccountApi api;
    private final MeshApiTaskMapper mapper = new MeshApiTaskMapper();

    public MeshApiClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = Objects.requireNonNull(account, "account");
        this.api = new AccountApi(account, ApiKey.bearer(apiKeyOrNull), transport);
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
        PageCollector listing = new PageCollector(ItemWords.of(ProviderKind.MESHAPI, "task"), pages);
        int offset = 0;
        long total = -1;
        boolean reachedEnd = false;
        while (listing.mayReadAnotherPage()) {
            HttpTransport.JsonResponse response = api.get(listUri(query, offset));
            JsonNode body = response.body();
            JsonNode data = body == null ? null : body.get("data");
            if (body == null || !body.isObject() || data == null || !data.isArray()) {
                throw api.badResponse(response, "the task list has no \"data\" array (offset " + offset + ").");
            }
            PageCollector.Page page = listing.nextPage();
            int position = 0;
            for (JsonNode item : data) {
                String id = item.isObject() ? mapper.idOf(item).orElse(null) : null;
                page.offer(++position, item, id, i -> mapper.toTask(i, i.toString()).withAccountId(account.id()));
            }
            page.deliver();

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
                listing.problem("MeshAPI said more tasks follow but sent an empty page at offset " + offset
                        + "; stopped there.");
                break;
            }
        }
        boolean complete = reachedEnd && query.isUnfiltered();
        if (complete && total >= 0 && listing.distinctIds() < total) {
            // Tasks were deleted or shifted while paging: absence from this listing proves nothing.
            listing.problem("MeshAPI reported " + total + " tasks but listed " + listing.distinctIds() + ".");
            complete = false;
        }
        return listing.outcome(complete);
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        Objects.requireNonNull(providerTaskId, "providerTaskId");
        HttpTransport.JsonResponse response = api.get(api.uri(LIST_PATH + "/" + ApiBase.segment(providerTaskId)));
        JsonNode body = response.body();
        if (body == null || !body.isObject()) {
            throw api.badResponse(response, "the task is not a JSON object.");
        }
        if (mapper.idOf(body).isEmpty() && !body.has("status")) {
            throw api.badResponse(response, "the answer has neither an id nor a status.");
        }
        JsonNode item = body;
        if (mapper.idOf(body).isEmpty()) {
            item = body.deepCopy();
            ((ObjectNode) item).put("id", providerTaskId);
        }
        return mapper.toTask(item, response.rawText()).withAccountId(account.id());
    }

    private URI listUri(ListQuery query, int offset) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        // Sorted so the same query always makes the same URL.
        for (String status : new TreeSet<>(query.statuses().stream().map(TaskStatus::wireName).toList())) {
            params.add(Map.entry("status", status));
        }
        for (String model : new TreeSet<>(query.models())) {
            params.add(Map.entry("model", model));
        }
        if (query.createdAfter() != null) {
            params.add(Map.entry("created_after", DateTimeFormatter.ISO_INSTANT.format(query.createdAfter())));
        }
        params.add(Map.entry("limit", String.valueOf(query.pageSize())));
        params.add(Map.entry("offset", String.valueOf(offset)));
        return api.uri(LIST_PATH, params);
    }

    @Override
    public String toString() {
        return "MeshApiClient[" + account.name() + " @ " + account.baseUrl() + "]";
    }
}
