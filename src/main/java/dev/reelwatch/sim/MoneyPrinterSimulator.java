package dev.reelwatch.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.provider.Json;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MoneyPrinterTurbo server in memory mode (optionally Redis mode), as its FastAPI app and state module behave:
 * the {status, message, data} envelope, raw state records with server file paths in the list, URLs in the
 * single-task answer (relative, {@code /tasks/<id>/final-1.mp4}, while the server's {@code endpoint} setting is
 * empty, as by default), delete (refused with 409 while a task runs or its cross-posting is pending), its own
 * 400 envelope for bad paging, and the stream (always 206), download (attachment) and static {@code /tasks/…}
 * file routes serving real clips ({@code 404 invalid file path}; 403 for a path outside the task folder).
 * Every record carries {@code failed_stage}, {@code error} and the {@code cross_post_*} fields, null when unset.
 */
public final class MoneyPrinterSimulator extends SimServer {
    private static final List<String> FILES = List.of("final-1.mp4", "combined-1.mp4");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final List<JsonNode> rawRecords = new ArrayList<>();
    private final Map<String, String> stateOverrides = new ConcurrentHashMap<>();
    private final DemoClips clips = new DemoClips();
    private final Map<String, String> crossPostStates = new ConcurrentHashMap<>();
    private volatile boolean windowsPaths;
    private volatile boolean redisMode;
    private volatile String endpoint = "";

    public MoneyPrinterSimulator(Clock clock, List<SimTask> tasks) {
        this(clock, tasks, "");
    }

    /** @param pathPrefix where a reverse proxy mounts the server, e.g. "/mpt"; "" for none */
    public MoneyPrinterSimulator(Clock clock, List<SimTask> tasks, String pathPrefix) {
        super(clock, pathPrefix);
        tasks.forEach(this::addTask);
    }

    @Override
    public MoneyPrinterSimulator start() {
        super.start();
        return this;
    }

    /** Stores file paths as a Windows server does ({@code C:\…\tasks\<id>\final-1.mp4}). */
    public void setWindowsPaths(boolean on) {
        windowsPaths = on;
    }

    /**
     * The server's {@code endpoint} setting, which the single-task answer builds its URLs from; "" (the
     * default) gives relative URLs. E.g. {@code "http://127.0.0.1:8080"} for absolute ones.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint == null ? "" : endpoint;
    }

    /** The task's cross-posting state ("pending", "processing", "completed", "failed"; null: none). */
    public void setCrossPostState(String taskId, String state) {
        if (state == null) {
            crossPostStates.remove(taskId);
        } else {
            crossPostStates.put(taskId, state);
        }
    }

    /** Redis mode: every value of a task record comes back as text ({@code "4"}, {@code "[…]"}), in SCAN order. */
    public void setRedisMode(boolean on) {
        redisMode = on;
    }

    /** A restart in memory mode: every task (and every listed oddity) is forgotten. */
    public synchronized void restart() {
        tasks.clear();
        rawRecords.clear();
        stateOverrides.clear();
        crossPostStates.clear();
    }

    public synchronized void addTask(SimTask task) {
        tasks.put(task.id(), task);
    }

    /** Forces the raw {@code state} a task reports, e.g. a code a newer server might add ("7"). */
    public void setStateCode(String taskId, String rawState) {
        stateOverrides.put(taskId, rawState);
    }

    /** Appends a record to the list exactly as given (JSON text): for duplicate or id-less items. */
    public synchronized void addRawRecord(String json) {
        rawRecords.add(parse(json));
    }

    public synchronized boolean hasTask(String taskId) {
        return tasks.containsKey(taskId);
    }

    @Override
    protected String routeKey(SimRequest r) {
        String p = r.path();
        if (isFileRequest(r)) {
            return "file";
        }
        if (p.equals("/api/v1/tasks")) {
            return "list";
        }
        if (p.startsWith("/api/v1/tasks/")) {
            return "DELETE".equals(r.method()) ? "delete" : "get";
        }
        return "other";
    }

    @Override
    protected boolean isFileRequest(SimRequest r) {
        String p = r.path();
        return p.startsWith("/api/v1/stream/") || p.startsWith("/api/v1/download/") || p.startsWith("/tasks/");
    }

    @Override
    protected synchronized SimResponse handle(SimRequest r) {
        String p = r.path();
        Instant now = clock.instant();
        if (p.equals("/api/v1/tasks")) {
            return "GET".equals(r.method()) ? list(r, now) : detail(405, "Method Not Allowed");
        }
        if (p.startsWith("/api/v1/tasks/")) {
            String id = p.substring("/api/v1/tasks/".length());
            return switch (r.method()) {
                case "GET" -> getTask(id, now);
                case "DELETE" -> delete(id, now);
                default -> detail(405, "Method Not Allowed");
            };
        }
        if (p.startsWith("/api/v1/stream/")) {
            return file(r, p.substring("/api/v1/stream/".length()), now, true, false);
        }
        if (p.startsWith("/api/v1/download/")) {
            return file(r, p.substring("/api/v1/download/".length()), now, false, true);
        }
        if (p.startsWith("/tasks/")) {
            return file(r, p.substring("/tasks/".length()), now, false, false);
        }
        return detail(404, "Not Found");
    }

    private SimResponse list(SimRequest r, Instant now) {
        Integer page = intParam(r, "page", 1);
        Integer size = intParam(r, "page_size", 10);
        List<String> errors = new ArrayList<>();
        if (page == null) {
            errors.add(intParsing("page", r.param("page").orElse("")));
        } else if (page < 1) {
            errors.add(tooSmall("page", r.param("page").orElse("")));
        }
        if (size == null) {
            errors.add(intParsing("page_size", r.param("page_size").orElse("")));
        } else if (size < 1) {
            errors.add(tooSmall("page_size", r.param("page_size").orElse("")));
        }
        if (!errors.isEmpty()) {
            // MoneyPrinterTurbo answers request validation errors in its own envelope, not FastAPI's 422.
            return SimResponse.json(400, "{\"status\":400,\"message\":" + quote(UUID.randomUUID()
                    + ": invalid request parameters") + ",\"data\":[" + String.join(",", errors) + "]}");
        }
        List<JsonNode> records = new ArrayList<>();
        for (SimTask t : visible(now)) {
            records.add(record(t, now, false));
        }
        records.addAll(rawRecords);
        int from = (int) Math.min(records.size(), (long) (page - 1) * size);
        int to = (int) Math.min(records.size(), (long) from + size);
        ArrayNode slice = NODES.arrayNode();
        records.subList(from, to).forEach(slice::add);
        ObjectNode data = NODES.objectNode();
        data.set("tasks", slice);
        data.put("total", records.size());
        data.put("page", page);
        data.put("page_size", size);
        return ok(data);
    }

    private SimResponse getTask(String id, Instant now) {
        SimTask t = tasks.get(id);
        if (t == null || t.createdAt().isAfter(now)) {
            return notFound();
        }
        return ok(record(t, now, true));
    }

    private SimResponse delete(String id, Instant now) {
        SimTask t = tasks.get(id);
        if (t == null || t.createdAt().isAfter(now)) {
            return notFound();
        }
        String crossPost = crossPostStates.get(id);
        if (t.phaseAt(now) == SimPhase.RUNNING || "pending".equals(crossPost) || "processing".equals(crossPost)) {
            return error(409, "task is still running");
        }
        tasks.remove(id);
        stateOverrides.remove(id);
        crossPostStates.remove(id);
        return SimResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":null}");
    }

    private SimResponse file(SimRequest r, String rest, Instant now, boolean stream, boolean attachment) {
        List<String> segments = Arrays.asList(rest.split("[/\\\\]"));
        if (segments.contains("..") || segments.contains(".") || rest.startsWith("/")) {
            // The server resolves the path and refuses one that leaves the task folder.
            return error(403, "file path is outside the task folder");
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return error(404, "invalid file path");
        }
        SimTask t = tasks.get(rest.substring(0, slash));
        String name = rest.substring(slash + 1);
        if (t == null || t.phaseAt(now) != SimPhase.SUCCEEDED || !FILES.contains(name)) {
            return error(404, "invalid file path");
        }
        return RangeFiles.serve(r, clips.bytes(t.clip()), "video/mp4", stream, attachment ? name : null);
    }

    /** Tasks the server knows now, in insertion order (memory) or a stable scrambled order (Redis SCAN). */
    private List<SimTask> visible(Instant now) {
        List<SimTask> out = new ArrayList<>(tasks.values().stream().filter(t -> !t.createdAt().isAfter(now)).toList());
        if (redisMode) {
            out.sort(Comparator.comparingInt(t -> Integer.reverse(t.id().hashCode())));
        }
        return out;
    }

    /**
     * The state record as MoneyPrinterTurbo keeps it, growing as its pipeline runs: script, terms, audio,
     * subtitles, materials, then the videos. {@code asUrls}: the single-task answer's URL form.
     */
    private ObjectNode record(SimTask t, Instant now, boolean asUrls) {
        SimPhase phase = t.phaseAt(now);
        int progress = t.progressAt(now);
        ObjectNode o = NODES.objectNode();
        o.put("task_id", t.id());
        String override = stateOverrides.get(t.id());
        if (override != null) {
            o.put("state", override);
        } else {
            o.put("state", switch (phase) {
                case QUEUED -> 0;
                case RUNNING -> 4;
                case SUCCEEDED -> 1;
                default -> -1;
            });
        }
        o.put("progress", phase == SimPhase.QUEUED ? 0 : progress);
        boolean done = phase == SimPhase.SUCCEEDED;
        boolean failed = phase != SimPhase.QUEUED && phase != SimPhase.RUNNING && !done;
        if (phase != SimPhase.QUEUED) {
            o.put("video_subject", firstLine(t.prompt()));
            o.put("script", t.prompt());
        }
        if (done || (phase == SimPhase.RUNNING && progress >= 10)) {
            ArrayNode terms = o.putArray("terms");
            Arrays.stream(firstLine(t.prompt()).split("[\\s,]+")).limit(3).forEach(terms::add);
        }
        if (done || (phase == SimPhase.RUNNING && progress >= 20)) {
            o.put("audio_file", path(t.id(), "audio.mp3"));
            o.put("audio_duration", t.durationSeconds() + 0.48);
        }
        if (done || (phase == SimPhase.RUNNING && progress >= 30)) {
            o.put("subtitle_path", path(t.id(), "subtitle.srt"));
        }
        if (done || (phase == SimPhase.RUNNING && progress >= 40)) {
            ArrayNode materials = o.putArray("materials");
            ObjectNode m = materials.addObject();
            m.put("provider", "pexels");
            m.put("url", "https://www.pexels.com/video/" + Math.floorMod(t.seed(), 9_000_000) + "/");
            m.put("duration", t.durationSeconds());
        }
        if (done) {
            ArrayNode videos = o.putArray("videos");
            ArrayNode combined = o.putArray("combined_videos");
            videos.add(asUrls ? url(t.id(), FILES.get(0)) : path(t.id(), FILES.get(0)));
            combined.add(asUrls ? url(t.id(), FILES.get(1)) : path(t.id(), FILES.get(1)));
        } else {
            o.putNull("videos");
            o.putNull("combined_videos");
        }
        if (failed) {
            o.put("failed_stage", stageAt(progress));
            o.put("error", t.errorMessage() != null ? t.errorMessage()
                    : "failed to generate video: no video materials found for the terms");
        } else {
            o.putNull("failed_stage");
            o.putNull("error");
        }
        String crossPost = crossPostStates.get(t.id());
        if (crossPost == null) {
            o.putNull("cross_post_state");
            o.putNull("cross_post_results");
        } else {
            o.put("cross_post_state", crossPost);
            ObjectNode results = o.putObject("cross_post_results");
            if ("completed".equals(crossPost)) {
                results.put("youtube", "https://youtu.be/" + Math.floorMod(t.seed(), 100_000));
            }
        }
        if ("failed".equals(crossPost)) {
            o.put("cross_post_error", "youtube: upload quota exceeded");
        } else {
            o.putNull("cross_post_error");
        }
        return redisMode ? asText(o) : o;
    }

    /** The pipeline stage a task stopped in, from its progress (5 script, 10 terms, 20 audio, … 50 video). */
    private static String stageAt(int progress) {
        if (progress < 10) {
            return "script";
        }
        if (progress < 20) {
            return "terms";
        }
        if (progress < 30) {
            return "audio";
        }
        if (progress < 40) {
            return "subtitle";
        }
        return progress < 50 ? "materials" : "video";
    }

    private String path(String id, String file) {
        return windowsPaths
                ? "C:\\Users\\studio\\MoneyPrinterTurbo\\storage\\tasks\\" + id + "\\" + file
                : "/MoneyPrinterTurbo/storage/tasks/" + id + "/" + file;
    }

    /**
     * The server builds URLs from its {@code endpoint} setting: empty by default, so they are relative; behind
     * a proxy it does not know the proxy's prefix either way.
     */
    private String url(String id, String file) {
        return endpoint + "/tasks/" + id + "/" + file;
    }

    /** Older Redis mode stores each field with {@code str(value)}: every value turns into text, None included. */
    private static ObjectNode asText(ObjectNode o) {
        ObjectNode out = NODES.objectNode();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "None"
                : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static SimResponse ok(JsonNode data) {
        ObjectNode env = NODES.objectNode();
        env.put("status", 200);
        env.put("message", "success");
        env.set("data", data);
        return SimResponse.json(200, env.toString());
    }

    private static SimResponse notFound() {
        return error(404, "task not found");
    }

    /** MoneyPrinterTurbo's error envelope: the status and "<request id>: <what>", no data. */
    private static SimResponse error(int status, String what) {
        String requestId = UUID.randomUUID().toString();
        return SimResponse.json(status, "{\"status\":" + status + ",\"message\":" + quote(requestId + ": " + what)
                + "}");
    }

    private static Integer intParam(SimRequest r, String name, int fallback) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String intParsing(String name, String input) {
        return "{\"type\":\"int_parsing\",\"loc\":[\"query\"," + quote(name) + "],\"msg\":\"Input should be a valid "
                + "integer, unable to parse string as an integer\",\"input\":" + quote(input) + "}";
    }

    private static String tooSmall(String name, String input) {
        return "{\"type\":\"greater_than_equal\",\"loc\":[\"query\"," + quote(name) + "],\"msg\":\"Input should be "
                + "greater than or equal to 1\",\"input\":" + quote(input) + ",\"ctx\":{\"ge\":1}}";
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
