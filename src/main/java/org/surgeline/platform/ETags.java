package org.surgeline.platform;

/**
 * Optimistic locking of reference data over HTTP: a record's version is its entity tag, a read
 * answers it in {@code ETag}, and an edit must send it back in {@code If-Match}, so that two admins
 * cannot silently overwrite each other.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    /** The entity tag of a record at this version (a strong tag: the quoted version). */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks the caller's {@code If-Match} against the record's current version: missing is a 428,
     * another version a 412 (read the record again, then edit). {@code *} matches any version.
     */
    public static void require(String ifMatch, long currentVersion, String what, Object key) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(new Problem("if-match-required", "Precondition required", 428,
                    "Send the " + what + "'s ETag in If-Match: read it with GET first", null));
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(current) || t.equals("W/" + current)) {
                return;
            }
        }
        throw new ProblemException(new Problem("stale-etag", "Precondition failed", 412,
                what + " '" + key + "' was changed since you read it (its ETag is now " + current
                        + "); read it again and repeat your change", null))
                .with("currentETag", current);
    }
}
