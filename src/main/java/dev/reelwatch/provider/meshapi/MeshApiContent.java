package dev.reelwatch.provider.meshapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.provider.Json;

import java.util.Locale;

/**
 * The video and last-frame URLs of a MeshAPI task's {@code content}, in either shape MeshAPI's material uses:
 * the API reference's object {@code {video_url, last_frame_url}} or the Node SDK's list of typed items
 * ({@code [{type: "video_url", video_url: {url}}, ...]}; a plain string or {@code url} beside the type is
 * accepted too, since the SDK's item fields are not documented). Either URL may be null.
 */
record MeshApiContent(String videoUrl, String lastFrameUrl, boolean isList) {

    static final MeshApiContent NONE = new MeshApiContent(null, null, false);

    static MeshApiContent of(JsonNode content) {
        if (content == null || content.isNull()) {
            return NONE;
        }
        if (content.isObject()) {
            return new MeshApiContent(url(content.get("video_url")), url(content.get("last_frame_url")), false);
        }
        if (!content.isArray()) {
            return NONE;
        }
        String video = null;
        String frame = null;
        for (JsonNode item : content) {
            if (!item.isObject()) {
                continue;
            }
            String type = Json.text(item, "type");
            String kind = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
            if (video == null && (kind.equals("video_url") || kind.equals("video") || (kind.isEmpty() && item.has("video_url")))) {
                video = firstUrl(item, "video_url", "video");
            } else if (frame == null && (kind.equals("last_frame_url") || kind.equals("last_frame")
                    || kind.equals("image_url") || (kind.isEmpty() && item.has("last_frame_url")))) {
                frame = firstUrl(item, "last_frame_url", "last_frame", "image_url");
            }
        }
        return new MeshApiContent(video, frame, true);
    }

    /** The item's URL under the first of {@code fields} that has one, else its own {@code url}. */
    private static String firstUrl(JsonNode item, String... fields) {
        for (String field : fields) {
            String u = url(item.get(field));
            if (u != null) {
                return u;
            }
        }
        return url(item.get("url"));
    }

    /** A URL given as text or as {@code {url: "..."}}; null when blank or absent. */
    private static String url(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            return Json.nonBlankText(v, "url");
        }
        // A value of another type is kept as sent (a number, say) rather than dropped.
        return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
