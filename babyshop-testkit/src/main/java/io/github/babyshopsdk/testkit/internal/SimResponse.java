package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer to send.
 *
 * @param httpStatus HTTP status
 * @param contentType content type
 * @param body bytes
 * @param headers extra headers
 * @param responseCode the code for the request log, null for non-JSON answers
 * @param faultDetail what an injected fault touched, or null
 */
public record SimResponse(int httpStatus, String contentType, byte[] body, Map<String, String> headers,
                          Integer responseCode, String faultDetail) {

    private static final String JSON = "application/json;charset=UTF-8";

    /**
     * An HTTP 200 JSON answer.
     *
     * @param code code for the log
     * @param node body
     * @return the answer
     */
    public static SimResponse json(int code, ObjectNode node) {
        return new SimResponse(200, JSON, node.toString().getBytes(StandardCharsets.UTF_8), Map.of(), code, null);
    }

    /**
     * A success envelope to add fields to.
     *
     * @return {@code {"responseCode":0,"responseMessage":"Success"}}
     */
    public static ObjectNode success() {
        return envelope(Codes.SUCCESS);
    }

    /**
     * An envelope.
     *
     * @param code the code
     * @return {@code {"responseCode":code,"responseMessage":...}}
     */
    public static ObjectNode envelope(int code) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("responseCode", code);
        n.put("responseMessage", Codes.message(code));
        return n;
    }

    /**
     * An HTTP 200 error envelope.
     *
     * @param code the code
     * @return the answer
     */
    public static SimResponse error(int code) {
        return json(code, envelope(code));
    }

    /**
     * An HTML error page, as a proxy or servlet container sends it.
     *
     * @param status HTTP status
     * @param reason reason phrase
     * @return the answer
     */
    public static SimResponse html(int status, String reason) {
        String page = "<!DOCTYPE html>\n<html><head><title>" + status + " " + reason + "</title></head>\n<body><h1>"
                + reason + "</h1><p>The server is temporarily unable to service your request.</p><hr>"
                + "<address>Apache Tomcat</address></body></html>\n";
        return new SimResponse(status, "text/html;charset=UTF-8", page.getBytes(StandardCharsets.UTF_8), Map.of(),
                null, null);
    }

    /**
     * Copy with a fault detail.
     *
     * @param detail the detail
     * @return the copy
     */
    public SimResponse withFaultDetail(String detail) {
        return new SimResponse(httpStatus, contentType, body, headers, responseCode, detail);
    }
}
