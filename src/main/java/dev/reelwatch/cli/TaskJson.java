package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;

import java.time.Instant;
import java.util.Optional;

/**
 * The JSON shape of a cached task in {@code reelwatch tasks --json}: a contract scripts rely on (fields are only
 * ever added). {@code created_at} is the provider's own time or null; {@code first_seen_at} and
 * {@code finished_seen_at} are Reelwatch's clock. {@code expiry_source} says whether {@code expires_at} was stated
 * by the provider or inferred by Reelwatch (null when there is no expiry).
 */
final class TaskJson {

    private TaskJson() {
    }

    static ObjectNode of(StoredTask stored) {
        Task task = stored.task();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("account", stored.accountName());
        node.put("provider", stored.provider().cliName());
        node.put("id", task.providerTaskId());
        node.put("local_id", stored.id());
        node.put("status", task.status().wireName());
        node.put("provider_status", task.providerStatus());
        node.put("progress", task.progress());
        node.put("model", task.model());
        node.put("prompt", task.prompt());
        node.put("created_at", iso(task.createdAt()));
        node.put("updated_at", iso(task.updatedAt()));
        Optional<TaskOutput> video = task.primaryVideo();
        node.put("video_url", video.map(TaskOutput::url).orElse(null));
        node.put("expires_at", iso(video.map(TaskOutput::expiresAt).orElse(null)));
        if (task.error() == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("code", task.error().code());
            error.put("message", task.error().message());
            String stage = task.parameters().get("failed_stage");
            if (stage != null) {
                error.put("failed_stage", stage);
            }
        }
        node.put("local_file", stored.localFile().orElse(null));
        node.put("thumbnail_url", task.thumbnailUrl());
        if (task.cost() == null) {
            node.putNull("cost");
        } else {
            ObjectNode cost = node.putObject("cost");
            cost.put("amount", task.cost().amount());
            cost.put("unit", task.cost().unit().wireName());
            cost.put("currency", task.cost().currency());
        }
        node.put("on_provider", stored.onProvider());
        node.put("starred", stored.starred());
        var tags = node.putArray("tags");
        stored.tags().forEach(tags::add);
        node.put("note", stored.note());
        var outputs = node.putArray("outputs");
        if (stored.outputs().isEmpty()) {
            task.outputs().forEach(o -> output(outputs.addObject(), o, null));
        } else {
            stored.outputs().forEach(o -> output(outputs.addObject(), o.output(), o));
        }
        // Added fields go last, after every field scripts already know.
        node.put("expiry_source", video.map(TaskOutput::expirySource).map(ExpirySource::wireName).orElse(null));
        node.put("first_seen_at", iso(stored.firstSeenAt()));
        node.put("finished_seen_at", iso(stored.finishedSeenAt()));
        return node;
    }

    private static void output(ObjectNode node, TaskOutput output, StoredOutput stored) {
        node.put("url", output.url());
        node.put("kind", output.kind().wireName());
        node.put("expires_at", iso(output.expiresAt()));
        node.put("bytes", output.bytes());
        node.put("sha256", output.sha256());
        node.put("local_file", stored == null ? null : stored.localPath());
        node.put("archive_state", stored == null ? "none" : stored.archiveState().wireName());
        node.put("expiry_source", output.expirySource() == null ? null : output.expirySource().wireName());
        node.put("refusal", output.refusal());
        node.put("link_expired_at", iso(stored == null ? null : stored.linkExpiredAt()));
    }

    /** ISO-8601 in UTC, like 2026-11-23T17:40:00Z. */
    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
