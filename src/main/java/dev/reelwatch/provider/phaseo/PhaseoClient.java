package dev.reelwatch.provider.phaseo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.ApiBase;
import dev.reelwatch.provider.AccountApi;
import dev.reelwatch.provider.ApiKey;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.PageCollector;
import dev.reelwatch.provider.PageCollector.ItemWords;
import dev.reelwatch.provider.PageConsumer;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    private final Account account;
    private final AccountApi api;
    private final PhaseoTaskMapper mapper;

    public PhaseoClient(Account account, String apiKeyOrNull, HttpTransport transport) {
        this.account = Objects.requireNonNull(account, "account");
        this.api = new AccountApi(account, ApiKey.bearer(apiKeyOrNull), transport);
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
        PageCollector listing = new PageCollector(ItemWords.of(ProviderKind.PHASEO, "video"), pages);
        String after = null;
        boolean reachedEnd = false;
        while (listing.mayReadAnotherPage()) {
            HttpTransport.JsonResponse response;
            try {
                response = api.get(listUri(query, after));
            } catch (ProviderException e) {
                if (after == null || !cursorRejected(e)) {
                    throw e;
                }
                // The cursor parameter is our inference (README): if Phaseo will not page, keep what we have.
                listing.problem("Phaseo would not give the page after " + after + " (" + e.kind().title()
                        + ", HTTP " + e.httpStatus() + "); the listing is incomplete.");
                break;
            }
            JsonNode body = response.body();
            JsonNode data = body == null ? null : body.get("data");
            if (body == null || !body.isObject() || data == null || !data.isArray()) {
                if (after != null) {
                    listing.problem("Phaseo sent a page without a \"data\" array after " + after
                            + "; the listing is incomplete.");
                    break;
                }
                throw api.badResponse(response, "the video list has no \"data\" array.");
            }
            PageCollector.Page page = listing.nextPage();
            String lastItemId = null;
            int position = 0;
            for (JsonNode item : data) {
                String id = item.isObject() ? mapper.idOf(item).orElse(null) : null;
                lastItemId = id == null ? lastItemId : id;
                page.offer(++position, item, id, i -> mapper.toTask(i, i.toString()).withAccountId(account.id()));
            }
            page.deliver();

            if (!Boolean.TRUE.equals(Json.bool(body, "has_more"))) {
                reachedEnd = true;
                break;
            }
            String lastId = Json.text(body, "last_id");
            String next = lastId == null || lastId.isBlank() ? lastItemId : lastId.strip();
            if (next == null) {
                listing.problem("Phaseo said more videos follow but gave no id to continue from; the listing is incomplete.");
                break;
            }
            // A server that ignores the cursor sends the same page again: the collector stops before the next.
            after = next;
        }
        return listing.outcome(reachedEnd && query.isUnfiltered());
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
        HttpTransport.JsonResponse response = api.get(api.uri(LIST_PATH + "/" + ApiBase.segment(providerTaskId)));
        JsonNode body = response.body();
        if (body == null || !body.isObject() || (mapper.idOf(body).isEmpty() && !body.has("status"))) {
            throw api.badResponse(response, "the video is not a JSON object with an id.");
        }
        JsonNode item = body;
        if (mapper.idOf(body).isEmpty()) {
            item = body.deepCopy();
            ((ObjectNode) item).put("id", providerTaskId);
        }
        return mapper.toTask(item, response.rawText()).withAccountId(account.id());
    }

    /** The Bearer key, only for outputs that need it and only when they live on the account's own host and port. */
    @Override
    public Map<String, String> downloadHeaders(TaskOutput output) {
        return output == null || !output.requiresAuth() ? Map.of() : api.keyHeadersFor(output.url());
    }

    private URI listUri(ListQuery query, String after) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("limit", String.valueOf(Math.max(1, Math.min(MAX_LIMIT, query.pageSize())))));
        for (String status : new TreeSet<>(query.statuses().stream().map(PhaseoClient::wireStatus).toList())) {
            params.add(Map.entry("status", status));
        }
        if (after != null) {
            params.add(Map.entry("after", after));
        }
        return api.uri(LIST_PATH, params);
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

    @Override
    public String toString() {
        return "PhaseoClient[" + account.name() + " @ " + account.baseUrl() + "]";
    }
}
