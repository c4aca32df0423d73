package dev.reelwatch.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.provider.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hedra's public generations API on loopback: {@code X-API-Key} auth (401 {"detail": …}), FastAPI 422 detail
 * lists for bad parameters, the list with {@code type}, {@code created_after/before}, {@code ids},
 * {@code prompt_query} and {@code limit}/{@code offset} paging (newest first, no total), the per-generation
 * status answer, and a CDN serving real clips (with Range) and thumbnails. Besides the video generations it
 * holds a few image generations, which only a {@code type=video} filter keeps out.
 */
public final class HedraSimulator extends SimServer {
    /** The largest {@code limit} the simulated API accepts. */
    public static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 20;
    private static final Set<String> TYPES = Set.of("text", "image", "audio", "video", "voice");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final String WORKSPACE = "ws_7f3c2a1e-demo";

    private final String apiKey;
    private final Map<String, SimTask> videos = new LinkedHashMap<>();
    private final Map<String, SimTask> images = new LinkedHashMap<>();
    private final List<JsonNode> rawGenerations = new ArrayList<>();
    private final Map<String, String> statusOverrides = new ConcurrentHashMap<>();
    private final Map<String, String> unknownFields = new ConcurrentHashMap<>();
    private final DemoClips clips = new DemoClips();

    public HedraSimulator(Clock clock, String apiKey, List<SimTask> tasks) {
        this(clock, apiKey, tasks, "");
    }

    /** @param pathPrefix where a reverse proxy mounts the API, e.g. "/hedra"; "" for none */
    public HedraSimulator(Clock clock, String apiKey, List<SimTask> tasks, String pathPrefix) {
        super(clock, pathPrefix);
        this.apiKey = apiKey;
        tasks.forEach(this::addTask);
    }

    @Override
    public HedraSimulator start() {
        super.start();
        return this;
    }

    /** Adds a video generation; every third one also brings an image generation made just before it. */
    public synchronized void addTask(SimTask task) {
        videos.put(task.id(), task);
        if (videos.size() % 3 == 1) {
            SimTask image = new SimTask(UUID.nameUUIDFromBytes(("image:" + task.id()).getBytes(StandardCharsets.UTF_8))
                    .toString(), "Keyframe for: " + task.prompt(), task.model(), task.createdAt().minusSeconds(30),
                    Duration.ZERO, Duration.ofSeconds(4), SimOutcome.SUCCEEDED, task.clip(), null, null, task.seed(),
                    task.resolution(), task.ratio(), 0, 0, 1);
            images.put(image.id(), image);
        }
    }

    /** Ids of the image generations the list holds besides the videos. */
    public synchronized List<String> imageGenerationIds() {
        return List.copyOf(images.keySet());
    }

    /** Forces the raw status a generation reports, e.g. one Hedra might add later ("upscaling"). */
    public void setStatusOverride(String generationId, String rawStatus) {
        statusOverrides.put(generationId, rawStatus);
    }

    /** Adds a field the docs do not list to every generation and status answer (JSON value text). */
    public void addUnknownField(String name, String jsonValue) {
        parse(jsonValue);
        unknownFields.put(name, jsonValue);
    }

    /** Appends a video generation to the list exactly as given (JSON text): for duplicate or id-less items. */
    public synchronized void addRawGeneration(String json) {
        rawGenerations.add(parse(json));
    }

    @Override
    protected String routeKey(SimRequest r) {
        if (isFileRequest(r)) {
            return "file";
        }
        String p = r.path();
        if (p.equals("/web-app/public/generations")) {
            return "list";
        }
        if (p.startsWith("/web-app/public/generations/") && p.endsWith("/status")) {
            return "get";
        }
        return "other";
    }

    @Override
    protected boolean isFileRequest(SimRequest r) {
        return r.path().startsWith("/cdn/") || r.path().startsWith("/dev/reelwatch/sim/clips/");
    }

    @Override
    protected synchronized SimResponse handle(SimRequest r) {
        String p = r.path();
        Instant now = clock.instant();
        if (p.startsWith("/cdn/assets/")) {
            return asset(r, p.substring("/cdn/assets/".length()), now);
        }
        if (p.startsWith("/dev/reelwatch/sim/clips/") && p.endsWith(".jpg")) {
            return thumbnail(p.substring("/dev/reelwatch/sim/clips/".length(), p.length() - 4));
        }
        if (!p.startsWith("/web-app/public/")) {
            return detail(404, "Not Found");
        }
        Optional<String> key = r.header("X-API-Key");
        if (key.isEmpty()) {
            return detail(401, "Missing API key. Send it in the X-API-Key header.");
        }
        if (!key.get().equals(apiKey)) {
            return detail(401, "Invalid API key");
        }
        if (!"GET".equals(r.method())) {
            return detail(405, "Method Not Allowed");
        }
        if (p.equals("/web-app/public/generations")) {
            return list(r, now);
        }
        String prefix = "/web-app/public/generations/";
        if (p.startsWith(prefix) && p.endsWith("/status")) {
            return status(p.substring(prefix.length(), p.length() - "/status".length()), now);
        }
        return detail(404, "Not Found");
    }

    private SimResponse list(SimRequest r, Instant now) {
        List<String> errors = new ArrayList<>();
        String type = r.param("type").orElse(null);
        if (type != null && !TYPES.contains(type)) {
            errors.add(error("enum", "type", "Input should be 'text', 'image', 'audio', 'video' or 'voice'", type,
                    "{\"expected\":\"'text', 'image', 'audio', 'video' or 'voice'\"}"));
        }
        Integer limit = intParam(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        Integer offset = intParam(r, "offset", 0, 0, Integer.MAX_VALUE, errors);
        Instant after = instantParam(r, "created_after", errors);
        Instant before = instantParam(r, "created_before", errors);
        if (!errors.isEmpty()) {
            return SimResponse.json(422, "{\"detail\":[" + String.join(",", errors) + "]}");
        }
        Set<String> ids = r.param("ids").map(v -> Set.copyOf(Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList())).orElse(null);
        String promptQuery = r.param("prompt_query").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);

        List<SimTask> selected = new ArrayList<>();
        if (type == null || type.equals("video")) {
            selected.addAll(videos.values());
        }
        if (type == null || type.equals("image")) {
            selected.addAll(images.values());
        }
        selected.removeIf(t -> t.createdAt().isAfter(now)
                || (after != null && t.createdAt().isBefore(after))
                || (before != null && !t.createdAt().isBefore(before))
                || (ids != null && !ids.contains(t.id()))
                || (promptQuery != null && !t.prompt().toLowerCase(Locale.ROOT).contains(promptQuery)));
        selected.sort(Comparator.comparing(SimTask::createdAt).reversed().thenComparing(SimTask::id));

        List<JsonNode> all = new ArrayList<>();
        selected.forEach(t -> all.add(generation(t, now)));
        if ((type == null || type.equals("video")) && ids == null) {
            all.addAll(rawGenerations);
        }
        ArrayNode data = NODES.arrayNode();
        all.stream().skip(offset).limit(limit).forEach(data::add);
        ObjectNode body = NODES.objectNode();
        ObjectNode pageInfo = body.putObject("page_info");
        pageInfo.put("limit", limit);
        pageInfo.put("offset", offset);
        body.set("data", data);
        return SimResponse.json(200, body.toString());
    }

    private SimResponse status(String id, Instant now) {
        SimTask t = videos.containsKey(id) ? videos.get(id) : images.get(id);
        if (t == null || t.createdAt().isAfter(now)) {
            return detail(404, "Generation not found");
        }
        boolean image = images.containsKey(id);
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        boolean done = t.phaseAt(now) == SimPhase.SUCCEEDED;
        o.put("asset_id", done ? assetId(t) : null);
        o.put("type", image ? "image" : "video");
        o.put("status", rawStatus(t, now));
        o.put("progress", fraction(t, now));
        o.put("created_at", iso(t.createdAt()));
        o.put("error_message", failed(t, now) ? errorMessage(t) : null);
        o.put("url", done ? assetUrl(t, image) : null);
        o.put("download_url", done ? assetUrl(t, image) + "?download=1" : null);
        o.put("streaming_url", done && !image ? assetUrl(t, false) : null);
        o.put("workspace_id", WORKSPACE);
        addUnknown(o);
        return SimResponse.json(200, o.toString());
    }

    /** A generation as the list shows it: its input, live status, and (once complete) its asset. */
    private ObjectNode generation(SimTask t, Instant now) {
        boolean image = images.containsKey(t.id());
        boolean done = t.phaseAt(now) == SimPhase.SUCCEEDED;
        int[] size = dimensions(t.resolution());
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        o.put("type", image ? "image" : "video");
        ObjectNode input = o.putObject("input");
        if (!image) {
            ObjectNode gvi = input.putObject("generated_video_inputs");
            gvi.put("text_prompt", t.prompt());
            gvi.put("ai_model_id", t.model());
            gvi.put("resolution", Math.min(size[0], size[1]) + "p");
            gvi.put("aspect_ratio", t.ratio());
            gvi.put("duration_ms", t.durationSeconds() * 1000L);
            gvi.put("enhance_prompt", false);
        } else {
            input.put("text_prompt", t.prompt());
        }
        input.put("workspace_id", WORKSPACE);
        input.put("type", image ? "image" : "video");
        input.put("ai_model_id", t.model());
        if (!image) {
            input.put("start_keyframe_id", UUID.nameUUIDFromBytes(("kf:" + t.id()).getBytes(StandardCharsets.UTF_8))
                    .toString());
            input.put("start_keyframe_url", thumbnailUrl(t));
        }
        input.put("batch_size", 1);
        o.put("status", rawStatus(t, now));
        o.put("progress", fraction(t, now));
        o.put("created_at", iso(t.createdAt()));
        if (t.isFinishedAt(now)) {
            o.putNull("eta_sec");
        } else {
            o.put("eta_sec", t.etaSecondsAt(now));
        }
        o.put("credit_cost", image ? 1 : 10 + Math.floorMod(t.costUnits(), 90));
        o.putNull("batch_generation_id");
        if (done) {
            ObjectNode asset = o.putObject("asset");
            asset.put("id", assetId(t));
            asset.put("type", image ? "image" : "video");
            asset.put("name", firstWords(t.prompt()));
            asset.put("thumbnail_url", thumbnailUrl(t));
            asset.put("created_at", iso(t.finishedAt()));
            ObjectNode file = asset.putObject("asset");
            file.put("width", size[0]);
            file.put("height", size[1]);
            file.put("url", assetUrl(t, image));
            file.put("type", image ? "image" : "video");
            asset.putNull("description");
            asset.put("is_favorite", false);
            asset.put("recent", true);
            asset.putNull("favorited_at");
        } else {
            o.putNull("asset");
        }
        if (failed(t, now)) {
            ObjectNode error = o.putObject("error");
            error.put("type", errorType(t));
            error.put("message", errorMessage(t));
            o.put("error_message", errorMessage(t));
        } else {
            o.putNull("error");
            o.putNull("error_message");
        }
        addUnknown(o);
        return o;
    }

    /** pending, then queued; processing, then finalizing for the last tenth; complete or error. */
    private String rawStatus(SimTask t, Instant now) {
        String override = statusOverrides.get(t.id());
        if (override != null) {
            return override;
        }
        return switch (t.phaseAt(now)) {
            case QUEUED -> Duration.between(t.createdAt(), now).compareTo(t.queuedFor().dividedBy(3)) < 0
                    ? "pending" : "queued";
            case RUNNING -> t.progressAt(now) >= 90 ? "finalizing" : "processing";
            case SUCCEEDED -> "complete";
            default -> "error";
        };
    }

    private static double fraction(SimTask t, Instant now) {
        return t.phaseAt(now) == SimPhase.QUEUED ? 0.0 : t.progressAt(now) / 100.0;
    }

    private static boolean failed(SimTask t, Instant now) {
        SimPhase p = t.phaseAt(now);
        return p == SimPhase.FAILED || p == SimPhase.CANCELLED || p == SimPhase.EXPIRED;
    }

    private static String errorType(SimTask t) {
        String code = t.errorCode() == null ? "" : t.errorCode();
        if (t.outcome() == SimOutcome.EXPIRED) {
            return "TIMEOUT";
        }
        return code.contains("Sensitive") ? "CONTENT_MODERATION" : "UNKNOWN";
    }

    private static String errorMessage(SimTask t) {
        if (t.errorMessage() != null) {
            return t.errorMessage();
        }
        return switch (t.outcome()) {
            case CANCELLED -> "Generation was cancelled.";
            case EXPIRED -> "Generation timed out.";
            default -> "Generation failed. Your credits have been refunded.";
        };
    }

    private SimResponse asset(SimRequest r, String rest, Instant now) {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        SimTask t = null;
        for (SimTask candidate : videos.values()) {
            if (assetId(candidate).equals(id)) {
                t = candidate;
            }
        }
        if (t == null || t.phaseAt(now) != SimPhase.SUCCEEDED || !rest.endsWith("/video.mp4")) {
            return SimResponse.html(404, htmlPage("404 Not Found"));
        }
        String attachment = r.param("download").isPresent() ? "hedra-" + t.id() + ".mp4" : null;
        return RangeFiles.serve(r, clips.bytes(t.clip()), "video/mp4", false, attachment);
    }

    private SimResponse thumbnail(String name) {
        if (!DemoClips.NAMES.contains(name)) {
            return SimResponse.html(404, htmlPage("404 Not Found"));
        }
        byte[] jpg = clips.thumbnail(name);
        return new SimResponse(200, new LinkedHashMap<>(), jpg).withHeader("Content-Type", "image/jpeg");
    }

    private static String assetId(SimTask t) {
        return UUID.nameUUIDFromBytes(("asset:" + t.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Assets live on a CDN: the server root, outside any API path prefix. Images point at the thumbnail. */
    private String assetUrl(SimTask t, boolean image) {
        return image ? thumbnailUrl(t) : "http://127.0.0.1:" + port() + "/cdn/assets/" + assetId(t) + "/video.mp4";
    }

    private String thumbnailUrl(SimTask t) {
        return "http://127.0.0.1:" + port() + "/dev/reelwatch/sim/clips/" + t.clip() + ".jpg";
    }

    private void addUnknown(ObjectNode o) {
        unknownFields.forEach((k, v) -> o.set(k, parse(v)));
    }

    private static int[] dimensions(String resolution) {
        try {
            String[] parts = resolution.toLowerCase(Locale.ROOT).split("x");
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (RuntimeException e) {
            return new int[] {1280, 720};
        }
    }

    private static String iso(Instant i) {
        return PYTHON_ISO.format(OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static String firstWords(String prompt) {
        String[] words = prompt.strip().split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(6, words.length)));
    }

    private static Integer intParam(SimRequest r, String name, int fallback, int min, int max, List<String> errors) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            errors.add(error("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer",
                    v.get(), null));
            return null;
        }
        if (n < min) {
            errors.add(error("greater_than_equal", name, "Input should be greater than or equal to " + min, v.get(),
                    "{\"ge\":" + min + "}"));
            return null;
        }
        if (n > max) {
            errors.add(error("less_than_equal", name, "Input should be less than or equal to " + max, v.get(),
                    "{\"le\":" + max + "}"));
            return null;
        }
        return n;
    }

    private static Instant instantParam(SimRequest r, String name, List<String> errors) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.get().trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(error("datetime_from_date_parsing", name,
                    "Input should be a valid datetime or date, invalid character in year", v.get(), null));
            return null;
        }
    }

    private static String error(String type, String field, String msg, String input, String ctx) {
        return "{\"type\":" + quote(type) + ",\"loc\":[\"query\"," + quote(field) + "],\"msg\":" + quote(msg)
                + ",\"input\":" + quote(input) + (ctx == null ? "" : ",\"ctx\":" + ctx) + "}";
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
