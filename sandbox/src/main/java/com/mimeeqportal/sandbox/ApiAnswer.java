package com.mimeeqportal.sandbox;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished answer of the sandbox: status, extra headers and the JSON body as text. The gate and the admin hooks
 * produce these rather than JAX-RS responses, because building a {@link Response} needs a JAX-RS runtime, which
 * unit tests do not have; the resources convert at the very end. The body is text so that it can also be broken
 * JSON, when a test asks for that.
 */
record ApiAnswer(int status, Map<String, String> headers, String body) {

    /** The body is written as text, so its encoding is stated rather than left to the container's default. */
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    ApiAnswer {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    static ApiAnswer json(int status, JsonStructure body) {
        return new ApiAnswer(status, Map.of(), body.toString());
    }

    static ApiAnswer json(Response.Status status, JsonStructure body) {
        return json(status.getStatusCode(), body);
    }

    ApiAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiAnswer(status, more, body);
    }

    /** Mimeeq answers JSON whatever the request's Accept header says, so the type is set, not negotiated. */
    Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(JSON_UTF8).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
