package org.rubyport.sw.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RackEnvTest {
    private static String env(String method, String url, List<Header> headers, String body, String cookies) {
        RackRequest request = new RackRequest(method, url, headers, body.getBytes(StandardCharsets.UTF_8));
        String origin = url.substring(0, url.indexOf("/apps/"));
        return RackEnv.build(request, AppPath.parse(origin, url), cookies);
    }

    @Test
    void getRequestsCarryTheCgiVariablesAndHeaders() {
        String json = env("GET", "http://127.0.0.1:8080/apps/a/x?q=1",
                List.of(new Header("accept", "text/html"), new Header("x-two", "a"), new Header("x-two", "b"),
                        new Header("cookie", "browser=1")), "", "sid=2");
        assertEquals("{\"REQUEST_METHOD\":\"GET\",\"SCRIPT_NAME\":\"/apps/a\",\"PATH_INFO\":\"/x\","
                + "\"QUERY_STRING\":\"q=1\",\"SERVER_NAME\":\"127.0.0.1\",\"SERVER_PORT\":\"8080\","
                + "\"SERVER_PROTOCOL\":\"HTTP/1.1\",\"REMOTE_ADDR\":\"127.0.0.1\",\"rack.url_scheme\":\"http\","
                + "\"HTTP_HOST\":\"127.0.0.1:8080\",\"HTTP_ACCEPT\":\"text/html\",\"HTTP_X_TWO\":\"a, b\","
                + "\"HTTP_COOKIE\":\"sid=2\"}", json);
    }

    @Test
    void bodiesGetContentTypeAndTheirByteLength() {
        String json = env("POST", "https://example.com/apps/a/", List.of(new Header("content-type", "text/plain"),
                new Header("content-length", "999")), "héllo \"q\"\n", "");
        assertEquals("{\"REQUEST_METHOD\":\"POST\",\"SCRIPT_NAME\":\"/apps/a\",\"PATH_INFO\":\"/\",\"QUERY_STRING\":\"\","
                + "\"SERVER_NAME\":\"example.com\",\"SERVER_PORT\":\"443\",\"SERVER_PROTOCOL\":\"HTTP/1.1\","
                + "\"REMOTE_ADDR\":\"127.0.0.1\",\"rack.url_scheme\":\"https\",\"CONTENT_TYPE\":\"text/plain\","
                + "\"CONTENT_LENGTH\":\"11\",\"HTTP_HOST\":\"example.com\"}", json);
    }

    @Test
    void jsonEscapesQuotesControlsAndLoneSurrogates() {
        String json = new JsonObjectWriter().put("k\"", "a\\b\u0001\ud800x\ud83d\ude00").toString();
        assertEquals("{\"k\\\"\":\"a\\\\b\\u0001\\ud800x\ud83d\ude00\"}", json);
    }
}
