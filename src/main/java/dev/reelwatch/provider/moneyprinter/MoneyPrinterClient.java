package dev.reelwatch.provider.moneyprinter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.AccountApi;
import dev.reelwatch.provider.ApiKey;
import dev.reelwatch.provider.HttpErrors;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to a self-hosted MoneyPrinterTurbo server: pages through {@code /api/v1/tasks} until {@code total},
 * fetches and deletes single tasks, and names each output's stream and download URLs.
 *
 * <p>MoneyPrinterTurbo has no key by default. When the account has one, it is sent as {@code x-api-key}
 * (the header auth-adding proxies and forks commonly check) and only to the account's own host.
 */
public final class MoneyPrinterClient implements ProviderClient {

    private final Account account;
    private final AccountApi api;
    private final MoneyPrinterUrls urls;
    private final MoneyPrinterTaskMapper mapper;

    public MoneyPrinterClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = account;
        this.api = new AccountApi(account, ApiKey.inHeader("x-api-key", apiKeyOrNull), transport);
        this.urls = new MoneyPrinterUrls(account.baseUrl());
        this.mapper = new MoneyPrinterTaskMapper(account.baseUrl());
    }

    @Override
    public Account account() {
        return account;
    }

    /**
     * Reads every page: the list is in insertion (or Redis SCAN) order, not by time, so there is no way to
     * stop early. Status and time filters are applied here, since the server has none.
     */
    @Override
    public ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException {
        PageCollector listing = new PageCollector(
                new ItemWords(ProviderKind.MONEYPRINTERTURBO, "task", "a task_id"), pages);
        int itemsRead = 0;
        boolean reachedEnd = false;
        while (listing.mayReadAnotherPage()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("page", String.valueOf(listing.pagesRead() + 1));
            params.put("page_size", String.valueOf(query.pageSize()));
            HttpTransport.JsonResponse response = api.get(urls.api("/api/v1/tasks", params));
            JsonNode data = data(response);
            List<Item> items = items(response, data);
            Long total = Json.longValue(data, "total");
            itemsRead += items.size();

            PageCollector.Page page = listing.nextPage();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String id = item.node().isObject() ? MoneyPrinterTaskMapper.taskId(item.node()) : null;
                id = id == null ? item.key() : id;
                String taskId = id;
                page.offer(i + 1, item.node(), id,
                        n -> mapper.map(n, taskId, n.toString()).withAccountId(account.id()), query::wants);
            }
            page.deliver();

            if (items.isEmpty()) {
                reachedEnd = total == null || itemsRead >= total;
                if (!reachedEnd) {
                    listing.problem("MoneyPrinterTurbo reported " + total + " tasks but listed only " + itemsRead
                            + "; tasks may have been deleted while listing.");
                }
                break;
            }
            if (total != null ? itemsRead >= total : items.size() < query.pageSize()) {
                reachedEnd = true;
                break;
            }
        }
        return listing.outcome(reachedEnd && query.isUnfiltered());
    }

    @Override
    public Task fetchTask(String providerTaskId) throws ProviderException {
        HttpTransport.JsonResponse response = api.get(urls.task(providerTaskId));
        JsonNode data = data(response);
        try {
            return mapper.map(data, providerTaskId, data.toString()).withAccountId(account.id());
        } catch (RuntimeException e) {
            throw HttpErrors.badResponse(api.context(), response.status(), "task " + providerTaskId
                    + " could not be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public boolean listReportsLiveStatus() {
        return true;
    }

    @Override
    public boolean supportsDelete() {
        return true;
    }

    /**
     * Deletes the task and its files on the server; an unknown task is {@code NOT_FOUND}. The server refuses a task
     * still running (state 4, or cross-posting pending) with 409: that is {@code CONFLICT} with a plain reason.
     */
    @Override
    public void deleteTask(String providerTaskId) throws ProviderException {
        try {
            HttpTransport.JsonResponse response = api.delete(urls.task(providerTaskId));
            envelopeStatus(response);
        } catch (ProviderException e) {
            if (e.httpStatus() != 409) {
                throw e;
            }
            throw new ProviderException(ProviderErrorKind.CONFLICT, e.provider(), e.accountName(), 409, null,
                    e.details(), api.context().describe() + ": MoneyPrinterTurbo will not delete a task that is still"
                    + " running (task " + providerTaskId + "). Wait until it has finished, then delete it again.", e);
        }
    }

    @Override
    public Map<String, String> downloadHeaders(TaskOutput output) {
        return output == null ? Map.of() : api.keyHeadersFor(output.url());
    }

    /** Seekable playback URL: {@code <base>/api/v1/stream/<task_id>/<file>} (answers 206). */
    public URI streamUrl(String taskId, String fileName) {
        return urls.stream(taskId, fileName);
    }

    /** Attachment download URL: {@code <base>/api/v1/download/<task_id>/<file>}. */
    public URI downloadUrl(String taskId, String fileName) {
        return urls.download(taskId, fileName);
    }

    /** Static file URL: {@code <base>/tasks/<task_id>/<file>}, the one outputs use. */
    public URI fileUrl(String taskId, String fileName) {
        return urls.file(taskId, fileName);
    }

    /** The {@code data} of the {status, message, data} envelope; an error status inside it is an error. */
    private JsonNode data(HttpTransport.JsonResponse response) throws ProviderException {
        envelopeStatus(response);
        JsonNode data = response.body().get("data");
        if (data == null || !data.isObject()) {
            throw api.badResponse(response, "the answer has no data object");
        }
        return data;
    }

    private void envelopeStatus(HttpTransport.JsonResponse response) throws ProviderException {
        if (!response.body().isObject()) {
            throw api.badResponse(response, "the answer is not a JSON object");
        }
        Integer status = Json.intValue(response.body(), "status");
        if (status != null && status >= 400) {
            throw HttpErrors.fromStatus(api.context(), status, response.rawText(), Map.of(), api.clock());
        }
    }

    private record Item(String key, JsonNode node) {
    }

    /** {@code tasks} is a list of records; a map keyed by task id is accepted too. */
    private List<Item> items(HttpTransport.JsonResponse response, JsonNode data) throws ProviderException {
        JsonNode tasks = data.get("tasks");
        List<Item> items = new ArrayList<>();
        if (tasks == null || tasks.isNull()) {
            // Never read a missing list as "no tasks": that would look like the server forgot them all.
            throw api.badResponse(response, "the answer has no data.tasks list");
        }
        if (tasks.isArray()) {
            tasks.forEach(t -> items.add(new Item(null, t)));
        } else if (tasks.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = tasks.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                items.add(new Item(e.getKey(), e.getValue()));
            }
        } else {
            throw api.badResponse(response, "data.tasks is neither a list nor a map");
        }
        return items;
    }
}
