package io.github.babyshopsdk.sync.hostile;

/**
 * The kinds of hostile answer the engine harness puts between the engine's client and the simulator
 * (issue 9's list; the same kinds as the client harness, without the timing kinds, which the client
 * harness covers against its call timeout).
 */
enum Kind {
    WRONG_TYPE, NULL_EMPTY_ABSENT, HUGE_STRING, ODD_NUMBER, RESPONSE_CODE, TOP_LEVEL_SHAPE, DEEP_NESTING,
    ENORMOUS_LIST, TRUNCATED, INVALID_UTF8, BOM, BINARY_GARBAGE, HTML_PAGE, EMPTY_BODY, WRONG_CONTENT_TYPE,
    GZIP_BOMB, OVER_CAP, HTTP_STATUS, REDIRECT, CONNECTION_RESET
}
