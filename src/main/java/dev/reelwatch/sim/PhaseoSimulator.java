package dev.reelwatch.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.provider.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Phaseo on loopback, as seed 002 and its neighbouring pages describe it. By default every {@code /v1/videos}
 * route answers 501 {@code not_implemented}, as Phaseo does today; {@link #setVideoApiEnabled} serves the
 * documented list (newest first, {@code limit}, repeated or comma-separated {@code status}, {@code after}
 * cursor, {@code first_id}/{@code last_id}/{@code has_more}) and {@code GET /v1/videos/{id}}, with outputs as a
 * signed {@code download_url} that really stops working after {@code expires_at} (sim clock) and a
 * {@code content_url} that wants the Bearer key; {@code asset.bytes}/{@code sha256} match the served file.
 */
public final class PhaseoSimulator extends SimServer {
    static final String VIDEOS = "/v1/videos";
    private static final String FILES = "/files/";
    private static final String CONTENT = "/content";
    private static final Set<String> STATUSES = Set.of("pending", "queued", "in_progress", "processing", "completed",
            "failed", "cancelled", "expired");
    private static final Duration POLL_AFTER = Duration.ofSeconds(20);

    private final String apiKey;
    private final String signingSecret = UUID.randomUUID().toString();
    private final DemoClips clips = new DemoClips();
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Integer> outputCounts = new ConcurrentHashMap<>();
    private final Map<String, Consumer<ObjectNode>> alterations = new ConcurrentHashMap<>();
    private final Map<String, SimRequest> lastRequests = new ConcurrentHashMap<>();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private volatile boolean videoApiEnabled;
    private volatile boolean afterCursorSupported = true;
    private volatile boolean includePrompt;
    private volatile Duration linkLifetime = Duration.ofHours(1);

    public PhaseoSimulator(Clock clock, String apiKey, List<SimTask> tasks) {
        this(clock, apiKey, tasks, "");
    }

    /** @param prefix a path prefix the API sits under, as behind a reverse proxy ("" for none) */
    public PhaseoSimulator(Clock clock, String apiKey, List<SimTask> tasks, String prefix) {
        super(clock, prefix);
        this.apiKey = apiKey;
        tasks.forEach(this::addTask);
    }

    public void addTask(SimTask task) {
        tasks.put(task.id(), task);
    }

    /** Off (the default) answers 501 not_implemented on every video route, as Phaseo does today. */
    public void setVideoApiEnabled(boolean enabled) {
        videoApiEnabled = enabled;
    }

    /** Off makes {@code after=} answer 400, for when the undocumented cursor guess turns out wrong. */
    public void setAfterCursorSupported(boolean supported) {
        afterCursorSupported = supported;
    }

    /** Phaseo's schema shows no prompt; when on, videos carry one (demo mode). Off by default. */
    public void setIncludePrompt(boolean on) {
        includePrompt = on;
    }

    /**
     * How long a signed link lives. Links are signed per window of this length and expire at the end of the
     * next window, so {@code expires_at} stays stable between polls and is always at least this far ahead.
     */
    public void setLinkLifetime(Duration lifetime) {
        linkLifetime = lifetime;
    }

    /** A succeeded task with {@code count} output files (different demo clips), instead of one. */
    public void setOutputCount(String taskId, int count) {
        outputCounts.put(taskId, Math.max(1, count));
    }

    /** Edits a video's JSON every time it is rendered: API drift (unknown fields, statuses, missing ids). */
    public void alterTask(String taskId, Consumer<ObjectNode> edit) {
        alterations.put(taskId, edit);
    }

    /** The last request on a route key ("list", "get", "content", "file"), to check what a client sent. */
    public Optional<SimRequest> lastRequest(String routeKey) {
        return Optional.ofNullable(lastRequests.get(routeKey));
    }

    /** The bytes the simulator serves for a task's output, as a client should receive them. */
    public byte[] outputBytes(String taskId, int index) {
        SimTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        return clips.bytes(clipFor(task, index));
    }

    @Override
    protected String routeKey(SimRequest request) {
        String path = request.path();
        if (path.equals(VIDEOS) || path.equals(VIDEOS + "/")) {
            return "list";
        }
        if (path.startsWith(VIDEOS + "/")) {
            String[] parts = path.substring(VIDEOS.length() + 1).split("/", -1);
            if (parts.length == 1 && !parts[0].isEmpty()) {
                return "get";
            }
            if (parts.length == 2 && !parts[0].isEmpty() && ("/" + parts[1]).equals(CONTENT)) {
                return "content";
            }
        }
        if (path.startsWith(FILES)) {
            return "file";
        }
        return super.routeKey(request);
    }

    @Override
    protected boolean isFileRequest(SimRequest request) {
        String key = routeKey(request);
        return key.equals("file") || key.equals("content");
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        String key = routeKey(request);
        lastRequests.put(key, request);
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "method_not_allowed", "Method not allowed.");
        }
        if (key.equals("file")) {
            return signedFile(request);
        }
        if (!key.equals("list") && !key.equals("get") && !key.equals("content")) {
            return error(404, "not_found", "Route not found.");
        }
        Optional<SimResponse> refused = bearerRefusal(request, apiKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!videoApiEnabled) {
            return error(501, "not_implemented",
                    "The public video routes are mounted but temporarily disabled.");
        }
        String rest = request.path().substring(VIDEOS.length());
        return switch (key) {
            case "list" -> list(request);
            case "get" -> get(rest.substring(1));
            default -> content(rest.substring(1, rest.length() - CONTENT.length()), request);
        };
    }

    private SimResponse list(SimRequest request) {
        List<ObjectNode> problems = new ArrayList<>();
        int limit = 50;
        Optional<String> limitText = request.param("limit");
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get().trim());
                if (limit < 1) {
                    problems.add(MeshApiSimulator.problem(List.of("query", "limit"), "greater_than_equal",
                            "Input should be greater than or equal to 1", limitText.get()));
                } else if (limit > 200) {
                    problems.add(MeshApiSimulator.problem(List.of("query", "limit"), "less_than_equal",
                            "Input should be less than or equal to 200", limitText.get()));
                }
            } catch (NumberFormatException e) {
                problems.add(MeshApiSimulator.problem(List.of("query", "limit"), "int_parsing",
                        "Input should be a valid integer, unable to parse string as an integer", limitText.get()));
            }
        }
        List<String> wanted = new ArrayList<>();
        for (String value : request.params("status")) {
            for (String s : value.split(",")) {
                String status = s.trim();
                if (STATUSES.contains(status)) {
                    wanted.add(status);
                } else {
                    problems.add(MeshApiSimulator.problem(List.of("query", "status"), "enum",
                            "Input should be one of " + String.join(", ", STATUSES.stream().sorted().toList()),
                            status));
                }
            }
        }
        if (!problems.isEmpty()) {
            return MeshApiSimulator.validation(problems);
        }
        Optional<String> after = request.param("after");
        if (after.isPresent() && !afterCursorSupported) {
            return error(400, "invalid_request", "Unknown query parameter: after");
        }
        Instant now = clock.instant();
        List<SimTask> matching = tasks.values().stream()
                .filter(t -> !t.createdAt().isAfter(now))
                .filter(t -> wanted.isEmpty() || wanted.stream().anyMatch(w -> sameStatus(w, t.phaseAt(now))))
                .sorted(Comparator.comparing(SimTask::createdAt).reversed().thenComparing(SimTask::id))
                .toList();
        int from = 0;
        if (after.isPresent()) {
            int at = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(after.get())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return error(400, "invalid_cursor", "No video with id '" + after.get() + "' to list after.");
            }
            from = at + 1;
        }
        int to = Math.min(matching.size(), from + limit);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (SimTask t : matching.subList(from, to)) {
            data.add(render(t, now));
        }
        if (data.isEmpty()) {
            body.putNull("first_id");
            body.putNull("last_id");
        } else {
            // The ids as rendered, so a test's alterations show through as a real server's would.
            body.set("first_id", data.get(0).get("id"));
            body.set("last_id", data.get(data.size() - 1).get("id"));
        }
        body.put("has_more", to < matching.size());
        return SimResponse.json(200, body.toString());
    }

    private SimResponse get(String id) {
        SimTask task = tasks.get(id);
        Instant now = clock.instant();
        if (task == null || task.createdAt().isAfter(now)) {
            return error(404, "not_found", "Video '" + id + "' was not found.");
        }
        return SimResponse.json(200, render(task, now).toString());
    }

    private SimResponse content(String id, SimRequest request) {
        SimTask task = tasks.get(id);
        Instant now = clock.instant();
        if (task == null || task.createdAt().isAfter(now)) {
            return error(404, "not_found", "Video '" + id + "' was not found.");
        }
        if (task.phaseAt(now) != SimPhase.SUCCEEDED) {
            return error(409, "video_not_ready", "Video '" + id + "' has no content yet.");
        }
        int index = request.param("index").map(PhaseoSimulator::parseIndex).orElse(0);
        if (index < 0 || index >= outputCount(task)) {
            return error(404, "not_found", "Video '" + id + "' has no output " + index + ".");
        }
        return RangeFiles.serve(request, clips.bytes(clipFor(task, index)), "video/mp4", false, null);
    }

    private SimResponse signedFile(SimRequest request) {
        String[] parts = request.path().substring(FILES.length()).split("/");
        SimTask task = parts.length == 2 ? tasks.get(parts[0]) : null;
        int index = parts.length == 2 && parts[1].endsWith(".mp4") ? parseIndex(parts[1].replace(".mp4", "")) : -1;
        long expires = request.param("expires").map(PhaseoSimulator::parseLong).orElse(-1L);
        String signature = request.param("signature").orElse("");
        if (task == null || index < 0 || index >= outputCount(task) || task.phaseAt(clock.instant()) != SimPhase.SUCCEEDED
                || !signature.equals(sign(task.id(), index, expires))) {
            return SimResponse.json(403, "{\"error\":{\"code\":\"invalid_signature\","
                    + "\"message\":\"The signature of this link is not valid.\"}}");
        }
        if (clock.instant().getEpochSecond() >= expires) {
            return SimResponse.json(403, "{\"error\":{\"code\":\"link_expired\","
                    + "\"message\":\"This download link has expired.\"}}");
        }
        return RangeFiles.serve(request, clips.bytes(clipFor(task, index)), "video/mp4", false, null);
    }

    private ObjectNode render(SimTask t, Instant now) {
        SimPhase phase = t.phaseAt(now);
        String base = baseUrl().toString();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", t.id());
        o.put("object", "video");
        o.put("model", t.model());
        o.put("status", wireStatus(phase));
        o.put("provider", t.model().contains("veo") ? "google-vertex" : "openai");
        o.put("polling_url", base + VIDEOS + "/" + t.id());
        o.put("request_id", "req_" + token(t.id(), 0));
        o.put("generation_id", "gen_" + token(t.id(), 1));
        o.put("created_at", t.createdAt().getEpochSecond());
        if (phase != SimPhase.QUEUED) {
            o.put("started_at", t.startedAt().getEpochSecond());
        } else {
            o.putNull("started_at");
        }
        boolean finished = t.isFinishedAt(now);
        if (finished) {
            o.put("completed_at", t.finishedAt().getEpochSecond());
        } else {
            o.putNull("completed_at");
            o.put("poll_after_seconds", POLL_AFTER.toSeconds());
        }
        o.put("seconds", t.durationSeconds());
        o.put("size", t.resolution());
        o.put("audio", false);
        o.put("progress", t.progressAt(now));
        o.put("progress_source", phase == SimPhase.RUNNING ? "estimated" : "provider");
        if (phase == SimPhase.SUCCEEDED) {
            outputs(o, t, base, now);
        }
        billing(o, t, phase);
        if (Math.floorMod(t.seed(), 3) == 0) {
            webhook(o, t, phase);
        }
        ObjectNode usage = o.putObject("usage");
        usage.put("cost", cost(t, phase));
        usage.put("is_byok", false);
        if (phase == SimPhase.FAILED) {
            ObjectNode error = o.putObject("error");
            error.put("code", t.errorCode() == null ? "generation_failed" : t.errorCode());
            error.put("message", t.errorMessage() == null ? "The provider could not generate this video."
                    : t.errorMessage());
        } else {
            o.putNull("error");
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

    private void outputs(ObjectNode o, SimTask t, String base, Instant now) {
        long expires = linkExpiry(now);
        byte[] first = clips.bytes(t.clip());
        o.put("output_access", "both");
        o.put("content_url", base + VIDEOS + "/" + t.id() + CONTENT);
        o.put("download_url", signedUrl(base, t.id(), 0, expires));
        o.put("expires_at", expires);
        ObjectNode asset = o.putObject("asset");
        asset.put("id", "asset_" + token(t.id(), 2));
        asset.put("mime_type", "video/mp4");
        asset.put("bytes", first.length);
        asset.put("sha256", digests.computeIfAbsent(t.clip(), c -> sha256(clips.bytes(c))));
        int[] size = size(t.resolution());
        asset.put("width", size[0]);
        asset.put("height", size[1]);
        asset.put("duration_seconds", t.durationSeconds());
        ArrayNode outputs = o.putArray("outputs");
        for (int i = 0; i < outputCount(t); i++) {
            ObjectNode out = outputs.addObject();
            out.put("index", i);
            out.put("mime_type", "video/mp4");
            out.put("bytes_available", true);
            out.put("content_url", base + VIDEOS + "/" + t.id() + CONTENT + "?index=" + i);
            out.put("download_url", signedUrl(base, t.id(), i, expires));
            out.put("expires_at", expires);
        }
    }

    private static void billing(ObjectNode o, SimTask t, SimPhase phase) {
        BigDecimal estimate = BigDecimal.valueOf(t.costUnits()).movePointLeft(4).setScale(4, RoundingMode.HALF_UP);
        ObjectNode b = o.putObject("billing");
        b.put("currency", "USD");
        b.put("estimated_provider_cost", estimate.multiply(new BigDecimal("0.8")).setScale(4, RoundingMode.HALF_UP)
                .toPlainString());
        b.put("estimated_user_cost", estimate.toPlainString());
        boolean charged = phase == SimPhase.SUCCEEDED;
        if (charged) {
            b.put("settled_provider_cost", estimate.multiply(new BigDecimal("0.8"))
                    .setScale(4, RoundingMode.HALF_UP).toPlainString());
            b.put("settled_user_cost", estimate.toPlainString());
        } else {
            b.putNull("settled_provider_cost");
            b.putNull("settled_user_cost");
        }
        b.put("billable", true);
        long nanos = estimate.movePointRight(9).longValueExact();
        b.put("total_nanos", charged ? nanos : 0);
        b.put("estimated_nanos", nanos);
        b.put("reserved_nanos", phase == SimPhase.QUEUED || phase == SimPhase.RUNNING ? nanos : 0);
        b.put("reservation_id", "rsv_" + token(t.id(), 4));
        b.put("reservation_status", switch (phase) {
            case QUEUED, RUNNING -> "held";
            case SUCCEEDED -> "captured";
            default -> "released";
        });
        if (charged) {
            b.put("charge_reason", "video.completed");
            b.put("charged", true);
            b.put("billed_at", t.finishedAt().toString());
        } else {
            b.putNull("charge_reason");
            b.put("charged", false);
            b.putNull("billed_at");
        }
    }

    private static BigDecimal cost(SimTask t, SimPhase phase) {
        return phase == SimPhase.SUCCEEDED
                ? BigDecimal.valueOf(t.costUnits()).movePointLeft(4).setScale(4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
    }

    /** Tasks with a webhook: delivery stats and attempts (one failed try, then success, once finished). */
    private static void webhook(ObjectNode o, SimTask t, SimPhase phase) {
        ObjectNode w = o.putObject("webhook");
        w.put("url", "https://hooks.example.com/phaseo/" + token(t.id(), 3));
        w.putArray("events").add("video.completed").add("video.failed");
        w.put("has_secret", true);
        ObjectNode d = w.putObject("delivery");
        ArrayNode attempts = w.putArray("attempts");
        boolean finished = phase != SimPhase.QUEUED && phase != SimPhase.RUNNING;
        if (!finished) {
            d.put("total_attempts", 0);
            d.put("delivered_events", 0);
            d.putArray("delivered_event_types");
            d.put("pending_retries", 0);
            return;
        }
        String event = phase == SimPhase.SUCCEEDED ? "video.completed" : "video.failed";
        Instant first = t.finishedAt().plusSeconds(1);
        Instant second = first.plusSeconds(30);
        d.put("total_attempts", 2);
        d.put("delivered_events", 1);
        d.putArray("delivered_event_types").add(event);
        d.put("pending_retries", 0);
        d.putNull("next_retry_at");
        d.put("last_attempt_at", second.toString());
        d.put("last_response_status", 200);
        d.put("last_delivered_at", second.toString());
        d.put("last_failure_at", first.toString());
        d.put("last_error_message", "HTTP 503 from webhook endpoint");
        attempt(attempts.addObject(), t, event, 1, first, null, 503, "HTTP 503 from webhook endpoint");
        attempt(attempts.addObject(), t, event, 2, second, second, 200, null);
    }

    private static void attempt(ObjectNode a, SimTask t, String event, int number, Instant tried, Instant delivered,
                                int status, String error) {
        a.put("id", "wha_" + token(t.id(), 5) + "_" + number);
        a.put("delivery_key", event);
        a.put("event_type", event);
        a.put("attempt_number", number);
        a.put("max_attempts", 5);
        a.put("tried_at", tried.toString());
        if (delivered == null) {
            a.putNull("delivered_at");
            a.put("next_retry_at", tried.plusSeconds(29).toString());
        } else {
            a.put("delivered_at", delivered.toString());
            a.putNull("next_retry_at");
        }
        a.put("response_status", status);
        if (error == null) {
            a.putNull("error_message");
        } else {
            a.put("error_message", error);
        }
        a.put("response_body_preview", status == 200 ? "{\"ok\":true}" : "<html>503 Service Unavailable</html>");
    }

    private long linkExpiry(Instant now) {
        long window = Math.max(1, linkLifetime.toSeconds());
        long start = Math.floorDiv(now.getEpochSecond(), window) * window;
        return start + 2 * window;
    }

    private String signedUrl(String base, String id, int index, long expires) {
        return base + FILES + id + "/" + index + ".mp4?expires=" + expires + "&signature=" + sign(id, index, expires);
    }

    private String sign(String id, int index, long expires) {
        return sha256((signingSecret + ":" + id + ":" + index + ":" + expires).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    private int outputCount(SimTask t) {
        return outputCounts.getOrDefault(t.id(), 1);
    }

    private static String clipFor(SimTask t, int index) {
        if (index == 0) {
            return t.clip();
        }
        int at = Math.max(0, DemoClips.NAMES.indexOf(t.clip()));
        return DemoClips.NAMES.get(Math.floorMod(at + index, DemoClips.NAMES.size()));
    }

    private static boolean sameStatus(String wire, SimPhase phase) {
        return switch (wire) {
            case "pending", "queued" -> phase == SimPhase.QUEUED;
            case "in_progress", "processing" -> phase == SimPhase.RUNNING;
            case "completed" -> phase == SimPhase.SUCCEEDED;
            default -> wire.equals(phase.name().toLowerCase(Locale.ROOT));
        };
    }

    private static String wireStatus(SimPhase phase) {
        return switch (phase) {
            case QUEUED -> "queued";
            case RUNNING -> "in_progress";
            case SUCCEEDED -> "completed";
            default -> phase.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Phaseo's error envelope: {@code {"error":{"code","message","type"}}}. */
    private static SimResponse error(int status, String code, String message) {
        return SimResponse.json(status, "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message)
                + ",\"type\":" + quote(code) + "}}");
    }

    private static int[] size(String resolution) {
        try {
            int[] wh = Arrays.stream(resolution.split("x")).mapToInt(Integer::parseInt).toArray();
            return wh.length == 2 ? wh : new int[]{0, 0};
        } catch (RuntimeException e) {
            return new int[]{0, 0};
        }
    }

    /** A stable, id-derived token for the secondary ids Phaseo reports (request, generation, asset…). */
    private static String token(String id, int salt) {
        return sha256((salt + ":" + id).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
