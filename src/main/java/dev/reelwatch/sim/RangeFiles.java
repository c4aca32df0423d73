package dev.reelwatch.sim;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves file bytes with HTTP {@code Range} support, as a CDN or MoneyPrinterTurbo's stream route does. */
public final class RangeFiles {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeFiles() {
    }

    /**
     * @param alwaysPartial answer 206 with Content-Range even without a Range header (MoneyPrinterTurbo's stream)
     * @param attachmentName when given, sent as a Content-Disposition attachment
     */
    public static SimResponse serve(SimRequest req, byte[] data, String contentType, boolean alwaysPartial,
                                    String attachmentName) {
        Optional<String> range = req.header("Range");
        long start = 0;
        long end = data.length - 1L;
        boolean partial = alwaysPartial;
        if (range.isPresent()) {
            Matcher m = RANGE.matcher(range.get().trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return unsatisfiable(data.length);
            }
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                start = Math.max(0, data.length - suffix);
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(m.group(2)));
                }
            }
            if (start >= data.length || start > end) {
                return unsatisfiable(data.length);
            }
            partial = true;
        }
        byte[] slice = Arrays.copyOfRange(data, (int) start, (int) end + 1);
        SimResponse res = new SimResponse(partial ? 206 : 200, new java.util.LinkedHashMap<>(), slice)
                .withHeader("Content-Type", contentType)
                .withHeader("Accept-Ranges", "bytes");
        if (partial) {
            res = res.withHeader("Content-Range", "bytes " + start + "-" + end + "/" + data.length);
        }
        if (attachmentName != null) {
            res = res.withHeader("Content-Disposition", "attachment; filename=\"" + attachmentName + "\"");
        }
        return res;
    }

    private static SimResponse unsatisfiable(int length) {
        return new SimResponse(416, new java.util.LinkedHashMap<>(), new byte[0])
                .withHeader("Content-Range", "bytes */" + length);
    }
}
