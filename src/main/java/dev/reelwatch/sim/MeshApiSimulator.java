package dev.reelwatch.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.provider.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * MeshAPI on loopback, as seeds 000/001 describe it: {@code GET /v1/video/generations} (DB-only list with
 * status/model/created_after/created_before filters and offset/limit) and {@code GET /v1/video/generations/{id}}
 * (the call that syncs a running task from "BytePlus"), Bearer auth, FastAPI errors, and the generated files
 * under {@code /files/…} with Range support.
 *
 * <p>Generated files live as BytePlus keeps them: {@link #setFileLifetime} after the task finished (24 h by
 * default, BytePlus's documented cleanup), then the file route answers 403 with the storage's XML error page.
 * {@code content} comes as the API reference's object, or as the Node SDK's list of typed items
 * ({@link #setContentAsList}); {@link #setForgetsContentAfterCleanup} makes a cleaned-up task answer
 * {@code content: null}, as a succeeded task fetched later may.
 *
 * <p>Faithful quirk: the list shows each task as of its last single GET. A task still unfinished when it is
 * added starts in the DB as {@code queued} and moves only when someone GETs it; a task already finished when
 * it is added is taken to have been polled by whoever created it.
 */
public final class MeshApiSimulator extends SimServer {
    static final String LIST = "/v1/video/generations";
    private static final String FILES = "/files/";
    private static final Set<String> STATUSES = Set.of("queued", "running", "cancelled", "succeeded", "failed",
            "expired");

    private final String apiKey;
    private final DemoClips clips = new DemoClips();
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, DbRow> db = new ConcurrentHashMap<>();
    private final Map<String, Consumer<ObjectNode>> alterations = new ConcurrentHashMap<>();
    private final Map<String, SimRequest> lastRequests = new ConcurrentHashMap<>();
    private volatile boolean includePrompt;
    private volatile boolean upstreamFailing;
    private volatile Duration fileLifetime = Duration.ofHours(24);
    private volatile boolean contentAsList;
    private volatile boolean forgetsContent;

    /** What MeshAPI's DB row says: the phase and time of the last sync. */
    private record DbRow(SimPhase phase, Instant updatedAt) {
    }

    public MeshApiSimulator(Clock clock, String apiKey, List<SimTask> tasks) {
        this(clock, apiKey, tasks, "");
    }

    /** @param prefix a path prefix the API sits under, as behind a reverse proxy ("" for none) */
    public MeshApiSimulator(Clock clock, String apiKey, List<SimTask> tasks, String prefix) {
        super(clock, prefix);
        this.apiKey = apiKey;
        tasks.forEach(this::addTask);
    }

    /** Adds a task; see the class comment for how its DB row starts. */
    public void addTask(SimTask task) {
        tasks.put(task.id(), task);
        Instant now = clock.instant();
        if (task.isFinishedAt(now)) {
            db.put(task.id(), new DbRow(task.phaseAt(now), task.finishedAt()));
        } else {
            db.put(task.id(), new DbRow(SimPhase.QUEUED, task.createdAt()));
        }
    }

    /**
     * MeshAPI's schema has no prompt field; when on, items carry an extra {@code "prompt"} as a newer or
     * proxied MeshAPI might (demo mode uses it so the table is not blank). Off by default.
     */
    public void setIncludePrompt(boolean on) {
        includePrompt = on;
    }

    /**
     * When on, a single GET of a non-terminal task answers 502 as MeshAPI does when BytePlus fails (terminal
     * tasks still come from the DB, and the list is unaffected).
     */
    public void setUpstreamFailing(boolean failing) {
        upstreamFailing = failing;
    }

    /** How long a finished task's files are served; null: forever (a provider that never cleans up). */
    public void setFileLifetime(Duration lifetime) {
        fileLifetime = lifetime;
    }

    /** When on, {@code content} is a list of typed items ({@code type: "video_url"}), as MeshAPI's SDK reads it. */
    public void setContentAsList(boolean on) {
        contentAsList = on;
    }

    /** When on, a task whose files were cleaned up answers {@code content: null}. */
    public void setForgetsContentAfterCleanup(boolean on) {
        forgetsContent = on;
    }

    /** Edits a task's JSON every time it is rendered: API drift (unknown fields, statuses, missing ids). */
    public void alterTask(String taskId, Consumer<ObjectNode> edit) {
        alterations.put(taskId, edit);
    }

    /** The phase MeshAPI's DB holds for a task (what the list shows), if the task exists. */
    public Optional<SimPhase> storedPhase(String taskId) {
        return Optional.ofNullable(db.get(taskId)).map(DbRow::phase);
    }

    /** The last request on a route key ("list", "get", "file"), to check what a client sent. */
    public Optional<SimRequest> lastRequest(String routeKey) {
        return Optional.ofNullable(lastRequests.get(routeKey));
    }

    @Override
    protected String routeKey(SimRequest request) {
        String path = request.path();
        if (path.equals(LIST) || path.equals(LIST + "/")) {
            return "list";
        }
        if (path.startsWith(LIST + "/")) {
            return "get";
        }
        if (path.startsWith(FILES)) {
            return "file";
        }
        return super.routeKey(request);
    }

    @Override
    protected boolean isFileRequest(SimRequest request) {
        return request.path().startsWith(FILES);
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        String key = routeKey(request);
        lastRequests.put(key, request);
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return detail(405, "Method Not Allowed");
        }
        if (key.equals("file")) {
            return file(request.path().substring(FILES.length()), request);
        }
        if (!key.equals("list") && !key.equals("get")) {
            return detail(404, "Not Found");
        }
        Optional<SimResponse> refused = bearerRefusal(request, apiKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        return key.equals("list") ? list(request) : get(request.path().substring(LIST.length() + 1));
    }

    private SimResponse list(SimRequest request) {
        List<ObjectNode> problems = new ArrayList<>();
        List<String> statuses = request.params("status");
        for (int i = 0; i < statuses.size(); i++) {
            if (!STATUSES.contains(statuses.get(i))) {
                problems.add(problem(List.of("query", "status", i), "enum",
                        "Input should be 'queued', 'running', 'cancelled', 'succeeded', 'failed' or 'expired'",
                        statuses.get(i)));
            }
        }
        Instant after = time(request, "created_after", problems);
        Instant before = time(request, "created_before", problems);
        Integer limit = integer(request, "limit", 50, problems);
        Integer offset = integer(request, "offset", 0, problems);
        if (!problems.isEmpty()) {
            return validation(problems);
        }
        List<String> models = request.params("model");
        Instant now = clock.instant();
        List<SimTask> matching;
        synchronized (this) {
            matching = tasks.values().stream()
                    .filter(t -> !t.createdAt().isAfter(now))
                    .filter(t -> statuses.isEmpty() || statuses.contains(wireStatus(db.get(t.id()).phase())))
                    .filter(t -> models.isEmpty() || models.contains(t.model()))
                    .filter(t -> after == null || !t.createdAt().isBefore(after))
                    .filter(t -> before == null || t.createdAt().isBefore(before))
                    .sorted(Comparator.comparing(SimTask::createdAt).reversed().thenComparing(SimTask::id))
                    .toList();
        }
        int from = Math.min(Math.max(0, offset), matching.size());
        int to = limit <= 0 ? from : (int) Math.min(matching.size(), (long) from + limit);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode data = body.putArray("data");
        for (SimTask t : matching.subList(from, to)) {
            data.add(render(t, db.get(t.id())));
        }
        body.put("has_more", to < matching.size());
        body.put("total", matching.size());
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("object", "list");
        return SimResponse.json(200, body.toString());
    }

    private SimResponse get(String id) {
        SimTask task = tasks.get(id);
        Instant now = clock.instant();
        if (task == null || task.createdAt().isAfter(now)) {
            return detail(404, "Video generation task not found");
        }
        DbRow row;
        synchronized (this) {
            row = db.get(id);
            if (!isTerminal(row.phase()) && upstreamFailing) {
                return detail(502, "BytePlus upstream error: ServiceUnavailable (the model service is overloaded)");
            }
            if (!isTerminal(row.phase())) {
                // Not terminal: MeshAPI polls BytePlus live and syncs its DB row.
                SimPhase live = task.phaseAt(now);
                row = live == row.phase() && live == SimPhase.QUEUED ? row : new DbRow(live, now);
                db.put(id, row);
            }
        }
        return SimResponse.json(200, render(task, row).toString());
    }

    private ObjectNode render(SimTask t, DbRow row) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", t.id());
        o.put("model", t.model());
        o.put("status", wireStatus(row.phase()));
        if (row.phase() == SimPhase.FAILED) {
            ObjectNode error = o.putObject("error");
            error.put("code", t.errorCode() == null ? "InternalServiceError" : t.errorCode());
            error.put("message", t.errorMessage() == null ? "The service encountered an unexpected internal error."
                    : t.errorMessage());
        } else if (row.phase() == SimPhase.EXPIRED) {
            ObjectNode error = o.putObject("error");
            error.put("code", "TaskExpired");
            error.put("message", "The task timed out before it could be processed.");
        } else {
            o.putNull("error");
        }
        o.put("created_at", t.createdAt().getEpochSecond());
        o.put("updated_at", row.updatedAt().getEpochSecond());
        boolean forgotten = forgetsContent && cleanedUp(t, clock.instant());
        if (row.phase() == SimPhase.SUCCEEDED && !forgotten) {
            String video = baseUrl() + FILES + t.id() + ".mp4";
            String frame = baseUrl() + FILES + t.id() + "_last_frame.jpg";
            if (contentAsList) {
                ArrayNode content = o.putArray("content");
                ObjectNode v = content.addObject();
                v.put("type", "video_url");
                v.putObject("video_url").put("url", video);
                ObjectNode f = content.addObject();
                f.put("type", "last_frame_url");
                f.putObject("last_frame_url").put("url", frame);
            } else {
                ObjectNode content = o.putObject("content");
                content.put("video_url", video);
                content.put("last_frame_url", frame);
            }
        } else {
            o.putNull("content");
        }
        o.put("seed", t.seed());
        o.put("resolution", t.resolution());
        o.put("ratio", t.ratio());
        o.put("duration", t.durationSeconds());
        o.put("frames", t.durationSeconds() * t.fps());
        o.put("framespersecond", t.fps());
        o.put("generate_audio", false);
        o.putNull("safety_identifier");
        o.put("priority", 0);
        o.put("draft", false);
        o.putNull("draft_task_id");
        o.put("service_tier", "default");
        o.put("execution_expires_after", 172_800);
        if (row.phase() == SimPhase.SUCCEEDED) {
            ObjectNode usage = o.putObject("usage");
            usage.put("completion_tokens", t.costUnits());
            usage.put("total_tokens", t.costUnits());
        } else {
            o.putNull("usage");
        }
        if (includePrompt) {
            o.put("prompt", t.prompt());
        }
        Consumer<ObjectNode> edit = alterations.get(t.id());
        if (edit != null) {
            edit.accept(o);
        }
        return o;
    }

    private SimResponse file(String name, SimRequest request) {
        boolean thumbnail = name.endsWith("_last_frame.jpg");
        String id = thumbnail ? name.substring(0, name.length() - "_last_frame.jpg".length())
                : name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : null;
        SimTask task = id == null ? null : tasks.get(id);
        DbRow row = task == null ? null : db.get(id);
        if (row == null || row.phase() != SimPhase.SUCCEEDED) {
            return SimResponse.json(404, "{\"Code\":\"NoSuchKey\",\"Message\":\"The specified key does not exist.\"}");
        }
        if (cleanedUp(task, clock.instant())) {
            return new SimResponse(403, Map.of("Content-Type", "application/xml"), utf8("<?xml version=\"1.0\""
                    + " encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                    + "<RequestId>" + Integer.toHexString(name.hashCode()) + "</RequestId></Error>"));
        }
        if (thumbnail) {
            return RangeFiles.serve(request, clips.thumbnail(task.clip()),
                    "image/jpeg", false, null);
        }
        return RangeFiles.serve(request, clips.bytes(task.clip()), "video/mp4", false, null);
    }

    /** Whether BytePlus has removed the task's files by {@code now}. */
    private boolean cleanedUp(SimTask task, Instant now) {
        Duration lifetime = fileLifetime;
        return lifetime != null && task.isFinishedAt(now) && !now.isBefore(task.finishedAt().plus(lifetime));
    }

    private static boolean isTerminal(SimPhase phase) {
        return phase != SimPhase.QUEUED && phase != SimPhase.RUNNING;
    }

    private static String wireStatus(SimPhase phase) {
        return phase.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant time(SimRequest request, String name, List<ObjectNode> problems) {
        Optional<String> value = request.param(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.get()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(problem(List.of("query", name), "datetime_from_date_parsing",
                    "Input should be a valid datetime or date, invalid character in year", value.get()));
            return null;
        }
    }

    private static Integer integer(SimRequest request, String name, int fallback, List<ObjectNode> problems) {
        Optional<String> value = request.param(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            problems.add(problem(List.of("query", name), "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer", value.get()));
            return fallback;
        }
    }

    /** One FastAPI validation entry: {@code {type, loc, msg, input}}. */
    static ObjectNode problem(List<Object> loc, String type, String msg, String input) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("type", type);
        ArrayNode l = p.putArray("loc");
        loc.forEach(x -> {
            if (x instanceof Integer i) {
                l.add(i);
            } else {
                l.add(String.valueOf(x));
            }
        });
        p.put("msg", msg);
        p.put("input", input);
        return p;
    }

    static SimResponse validation(List<ObjectNode> problems) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("detail").addAll(problems);
        return SimResponse.json(422, body.toString());
    }
}
