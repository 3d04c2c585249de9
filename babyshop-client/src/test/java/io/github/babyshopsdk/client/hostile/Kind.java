package io.github.babyshopsdk.client.hostile;

/** The kinds of hostile answer the harness sends (issue 9's list); each case is one of them. */
enum Kind {
    /** A field of the reference answer with a value of the wrong JSON type. */
    WRONG_TYPE,
    /** A field set to null, "", blank, or removed. */
    NULL_EMPTY_ABSENT,
    /** A field holding a string of megabytes. */
    HUGE_STRING,
    /** A field holding a huge, tiny, negative-zero or not-quite number. */
    ODD_NUMBER,
    /** {@code responseCode} out of range, of the wrong type, or absent. */
    RESPONSE_CODE,
    /** The whole body of another JSON shape: array, scalar, null, two documents, duplicate keys. */
    TOP_LEVEL_SHAPE,
    /** Arrays or objects nested thousands to a million levels deep. */
    DEEP_NESTING,
    /** A list of up to millions of bad elements. */
    ENORMOUS_LIST,
    /** The reference answer cut short (the HTTP message itself complete). */
    TRUNCATED,
    /** Bytes that are not UTF-8. */
    INVALID_UTF8,
    /** Byte-order marks, UTF-16 bodies. */
    BOM,
    /** Random bytes. */
    BINARY_GARBAGE,
    /** A proxy's HTML error page. */
    HTML_PAGE,
    /** No body, or only whitespace. */
    EMPTY_BODY,
    /** The reference body declared as something else, or a file declared as JSON. */
    WRONG_CONTENT_TYPE,
    /** A small gzip body that inflates to a gigabyte; bad or unsupported encodings. */
    GZIP_BOMB,
    /** A body larger than the client's cap (16 MiB JSON, 64 MiB documents), declared or chunked. */
    OVER_CAP,
    /** HTTP statuses 1xx to 5xx and beyond, with assorted bodies. */
    HTTP_STATUS,
    /** 3xx with a Location on another server, which must see no request. */
    REDIRECT,
    /** The connection dropped before, during or after the request or the answer. */
    CONNECTION_RESET,
    /** A valid body sent a byte at a time, slower than the call timeout. */
    SLOW_DRIP,
    /** Headers that never come, or come after the call timeout. */
    STALLED_HEADERS;

    /** The kinds run against a short call timeout (a few cases only, they cost real time). */
    boolean isDeadlineKind() {
        return this == SLOW_DRIP || this == STALLED_HEADERS;
    }
}
