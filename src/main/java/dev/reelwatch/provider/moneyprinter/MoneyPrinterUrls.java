package dev.reelwatch.provider.moneyprinter;

import dev.reelwatch.provider.ApiBase;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds MoneyPrinterTurbo addresses under the account's base URL (which may carry a reverse-proxy path
 * prefix) and turns the server's file paths or URLs into the task-relative file they name.
 */
public final class MoneyPrinterUrls {
    private final ApiBase base;

    public MoneyPrinterUrls(URI baseUrl) {
        this.base = new ApiBase(baseUrl);
    }

    /** {@code <base><path>?<query>}; query values are encoded, the path must already be. */
    public URI api(String path, Map<String, String> query) {
        return base.uri(path, query.entrySet());
    }

    public URI task(String taskId) {
        return base.uri("/api/v1/tasks/" + ApiBase.segment(taskId));
    }

    /** The static file route {@code <base>/tasks/<task_id>/<file>}; it serves Range requests too. */
    public URI file(String taskId, String fileName) {
        return base.uri("/tasks/" + ApiBase.segment(taskId) + "/" + encodePath(fileName));
    }

    /** {@code <base>/api/v1/stream/<task_id>/<file>}: always answers 206, for seekable playback. */
    public URI stream(String taskId, String fileName) {
        return base.uri("/api/v1/stream/" + ApiBase.segment(taskId) + "/" + encodePath(fileName));
    }

    /** {@code <base>/api/v1/download/<task_id>/<file>}: sends the file as an attachment. */
    public URI download(String taskId, String fileName) {
        return base.uri("/api/v1/download/" + ApiBase.segment(taskId) + "/" + encodePath(fileName));
    }

    /**
     * Where a file reported for a task lives, relative to the server's task folder: the task folder name and
     * the file path inside it. Accepts POSIX and Windows paths, absolute and relative URLs. A server path is not
     * a URL path: {@code .} and {@code ..} segments are resolved first, and a path that then lies outside
     * {@code tasks/<taskId>/} (another task's folder, or above the storage root) is refused with a reason rather
     * than turned into a request. A bare file name, or a path without a {@code tasks} folder and without
     * {@code ..}, is taken to be a file of {@code taskId}'s own folder.
     */
    public static TaskFile taskFile(String taskId, String pathOrUrl) {
        String reported = pathOrUrl.strip();
        String path = reported;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            try {
                String p = URI.create(path).getPath();
                path = p == null ? path : p;
            } catch (IllegalArgumentException notAUri) {
                // Keep the text; issue #183 shows servers joining URLs with backslashes.
            }
        }
        List<String> parts = new ArrayList<>();
        boolean climbed = false;
        boolean escaped = false;
        for (String segment : path.split("[/\\\\]+")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                climbed = true;
                if (parts.isEmpty()) {
                    escaped = true;
                } else {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(segment);
        }
        int tasks = parts.lastIndexOf("tasks");
        if (!escaped && tasks >= 0 && parts.size() - tasks >= 3) {
            String folder = parts.get(tasks + 1);
            String file = String.join("/", parts.subList(tasks + 2, parts.size()));
            if (taskId != null && !folder.equals(taskId)) {
                return refused(taskId, reported, "it lies in another task's folder (" + folder + ")");
            }
            return new TaskFile(folder, file, null);
        }
        if (climbed || escaped) {
            return refused(taskId, reported, "its \"..\" segments lead out of the task's folder");
        }
        String name = parts.isEmpty() ? path : parts.get(parts.size() - 1);
        return new TaskFile(taskId, name, null);
    }

    private static TaskFile refused(String taskId, String reported, String why) {
        return new TaskFile(taskId, reported, "MoneyPrinterTurbo reported the file \"" + reported + "\", but " + why
                + "; Reelwatch only fetches files inside tasks/" + taskId + "/ and did not request it.");
    }

    /**
     * A file in a task folder of the server: {@code folder} is the task id. {@code refusal} is null for a file
     * that may be requested; otherwise it says why not, and {@code file} holds the path as reported.
     */
    public record TaskFile(String folder, String file, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private static String encodePath(String file) {
        List<String> out = new ArrayList<>();
        for (String segment : file.split("/")) {
            out.add(ApiBase.segment(segment));
        }
        return String.join("/", out);
    }
}
